"""Plain-text articles: an optional `Key: value` header block, a blank line, then the body."""

from __future__ import annotations

import re
from pathlib import Path

from newsprism.ingest.build import RawArticle

HEADER_KEYS = {
    "title": "title",
    "headline": "title",
    "source": "source",
    "outlet": "source",
    "url": "url",
    "link": "url",
    "published": "published",
    "date": "published",
    "language": "language",
    "lang": "language",
    "author": "author",
    "byline": "author",
    "id": "external_id",
}
_HEADER_LINE = re.compile(r"^([A-Za-z][A-Za-z _-]{0,30}):[ \t]*(.*)$")
_MAX_HEADLINE = 200


def parse_text(text: str, origin: str) -> RawArticle:
    """Split a header block off, if the file starts with one; else take a short first line as the title."""
    lines = text.lstrip("\ufeff").splitlines()
    fields, body_start = _read_header(lines)
    metadata = {key: value for key, value in fields.items() if key not in HEADER_KEYS}
    known = {HEADER_KEYS[key]: value for key, value in fields.items() if key in HEADER_KEYS}
    body_lines = lines[body_start:]
    title = known.get("title")
    if title is None:
        title, body_lines = _headline(body_lines)
    return RawArticle(
        origin=origin,
        kind="text",
        body="\n".join(body_lines),
        title=title,
        source=known.get("source") or _source_from_name(origin),
        url=known.get("url"),
        published=known.get("published"),
        language=known.get("language"),
        author=known.get("author"),
        external_id=known.get("external_id"),
        metadata=metadata,
    )


def _read_header(lines: list[str]) -> tuple[dict[str, str], int]:
    """Header fields (lower-case keys) and the index of the first body line; no header gives ({}, 0)."""
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None:
        return {}, 0
    fields: dict[str, str] = {}
    for index in range(first, len(lines)):
        line = lines[index]
        if not line.strip():
            return (fields, index + 1) if fields else ({}, 0)
        match = _HEADER_LINE.match(line)
        if not match:
            return {}, 0
        key = match.group(1).strip().lower()
        if index == first and key not in HEADER_KEYS:
            return {}, 0
        fields[key] = match.group(2).strip()
    return {}, 0  # a file of nothing but "Key: value" lines has no body: read it as body


def _headline(lines: list[str]) -> tuple[str | None, list[str]]:
    """A short first line followed by a blank line is a headline."""
    nonblank = [i for i, line in enumerate(lines) if line.strip()]
    if len(nonblank) < 2:
        return None, lines
    first = nonblank[0]
    candidate = lines[first].strip()
    followed_by_blank = first + 1 < len(lines) and not lines[first + 1].strip()
    if followed_by_blank and len(candidate) <= _MAX_HEADLINE and not candidate.endswith((".", ":")):
        return candidate, lines[first + 1 :]
    return None, lines


def _source_from_name(origin: str) -> str:
    stem = Path(origin.split(":", 1)[0] if origin.startswith("<") else origin).stem
    return stem or "unknown"
