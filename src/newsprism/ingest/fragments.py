"""HTML fragments (feed entries, HTML inside JSON fields) to plain text with paragraph breaks."""

from __future__ import annotations

import html as html_lib
import re

_BLOCK_TAGS = {
    "p",
    "div",
    "br",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "tr",
    "section",
    "article",
    "header",
    "footer",
    "figcaption",
    "pre",
    "ul",
    "ol",
    "table",
}
_DROPPED_TAGS = ("script", "style", "noscript", "iframe", "object", "embed", "template")
_LOOKS_LIKE_HTML = re.compile(r"<\s*(p|div|br|span|a|em|strong|b|i|li|h[1-6]|blockquote)\b", re.I)


def looks_like_html(text: str) -> bool:
    return bool(_LOOKS_LIKE_HTML.search(text))


def fragment_to_text(fragment: str) -> str:
    """Text of an HTML fragment; block elements become paragraph breaks, scripts vanish."""
    if not looks_like_html(fragment):
        return html_lib.unescape(fragment)
    import lxml.html  # plain-text records, the common case, need no parser
    from lxml.etree import ParserError

    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (ParserError, ValueError):
        return html_lib.unescape(re.sub(r"<[^>]+>", " ", fragment))
    for element in list(root.iter(*_DROPPED_TAGS)):
        element.drop_tree()
    for element in root.iter():
        if isinstance(element.tag, str) and element.tag.lower() in _BLOCK_TAGS:
            element.tail = "\n\n" + (element.tail or "")
    return str(root.text_content())
