"""Saved HTML pages: the article's main text and metadata, without navigation, comments or ads."""

from __future__ import annotations

import trafilatura
from trafilatura.settings import Document

from newsprism.errors import IngestError
from newsprism.ingest.build import RawArticle

_DATE_OPTIONS = {"original_date": True, "outputformat": "%Y-%m-%dT%H:%M:%S%z", "extensive_search": True}
# Fewer words than this is a menu, an error page or a paywall stub, not an article.
MIN_ARTICLE_WORDS = 25


def parse_html(html: str, origin: str) -> RawArticle:
    """Extract one article from a saved page with trafilatura (htmldate for the date)."""
    try:
        document = trafilatura.bare_extraction(
            html,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            date_extraction_params=_DATE_OPTIONS,
        )
    except Exception as error:  # trafilatura raises lxml errors of many kinds on broken markup
        raise IngestError(origin, f"unreadable HTML ({type(error).__name__}: {error})") from None
    text = document.text.strip() if isinstance(document, Document) and document.text else ""
    if not isinstance(document, Document) or len(text.split()) < MIN_ARTICLE_WORDS:
        raise IngestError(origin, "no article found in the HTML page")
    title = document.title
    return RawArticle(
        origin=origin,
        kind="html",
        body=_drop_leading_title(text, title),
        title=title,
        source=document.sitename or document.hostname,
        url=document.url,
        published=document.date,
        language=document.language,
        author=document.author,
        metadata=_extra_metadata(document),
    )


def _drop_leading_title(text: str, title: str | None) -> str:
    """trafilatura keeps the <h1> as the first line; the title has its own field."""
    if not title:
        return text
    first, _, rest = text.partition("\n")
    return rest if first.strip() == title.strip() else text


def _extra_metadata(document: object) -> dict[str, str]:
    extra: dict[str, str] = {}
    for name in ("description", "hostname", "license", "image"):
        value = getattr(document, name, None)
        if value:
            extra[name] = str(value)
    for name in ("categories", "tags"):
        values = getattr(document, name, None)
        if values:
            extra[name] = ", ".join(values)
    return extra
