"""RSS and Atom feeds: one article per entry."""

from __future__ import annotations

import re
from collections.abc import Iterator

import feedparser

from newsprism.errors import IngestError
from newsprism.ingest.build import RawArticle
from newsprism.ingest.fragments import fragment_to_text

_CHARACTER_REFERENCE = re.compile(rb"&#(?:[xX]([0-9a-fA-F]+)|([0-9]+));?")
_REPLACEMENT_REFERENCE = b"&#xFFFD;"


def parse_feed(data: bytes, origin: str) -> Iterator[RawArticle | IngestError]:
    """Each entry as a RawArticle, or an IngestError for an entry with no text."""
    try:
        parsed = feedparser.parse(_valid_character_references(data))
    # Raised deep in feedparser's sgmllib; OverflowError for a character reference beyond any int in a feed
    # whose encoding (UTF-16) hides it from _valid_character_references.
    except (ValueError, UnicodeError, RecursionError, OverflowError) as error:
        raise IngestError(origin, f"unreadable feed ({type(error).__name__}: {error})") from None
    if not parsed.get("version") and not parsed.entries:
        problem = parsed.get("bozo_exception")
        detail = f" ({problem})" if problem else ""
        raise IngestError(origin, f"not an RSS or Atom feed{detail}")
    if not parsed.entries:
        raise IngestError(origin, "no articles in it (the feed has no entries)")
    channel = parsed.get("feed", {})
    feed_title = channel.get("title")
    for number, entry in enumerate(parsed.entries, start=1):
        entry_origin = f"{origin}#{number}"
        body = _entry_body(entry)
        if not body.strip():
            yield IngestError(entry_origin, "feed entry has no text")
            continue
        source = entry.get("source", {}).get("title") or feed_title
        yield RawArticle(
            origin=entry_origin,
            kind="feed",
            body=body,
            title=entry.get("title"),
            source=source or None,
            url=entry.get("link") or channel.get("link"),
            published=entry.get("published_parsed") or entry.get("updated_parsed") or entry.get("published"),
            language=channel.get("language"),
            author=entry.get("author"),
            external_id=entry.get("id"),
            metadata=_entry_metadata(entry),
        )


def _entry_body(entry: dict) -> str:
    """The fullest text an entry carries: content:encoded / Atom content, else the summary."""
    candidates = [item.get("value") or "" for item in entry.get("content") or []]
    candidates.append(entry.get("summary") or "")
    best = max(candidates, key=len)
    return fragment_to_text(best)


def _entry_metadata(entry: dict) -> dict[str, str]:
    tags = [tag.get("term") for tag in entry.get("tags", []) if tag.get("term")]
    return {"tags": ", ".join(tags)} if tags else {}


def _valid_character_references(data: bytes) -> bytes:
    """&#xD800; (a surrogate) or &#x110000; (beyond Unicode) as U+FFFD: feedparser raises on them."""
    return _CHARACTER_REFERENCE.sub(_valid_reference, data)


def _valid_reference(match: re.Match[bytes]) -> bytes:
    hex_digits, decimal_digits = match.groups()
    digits = (hex_digits or decimal_digits).lstrip(b"0")
    if len(digits) > 8:  # over 0x10FFFF however written; int() of 4,300 digits would raise
        return _REPLACEMENT_REFERENCE
    code = int(digits, 16 if hex_digits else 10) if digits else 0
    valid = 0 < code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF
    return match.group(0) if valid else _REPLACEMENT_REFERENCE
