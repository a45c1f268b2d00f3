"""JSONL and CSV exports: one article per record, with columns renamed by `--map`."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

from newsprism.errors import IngestError
from newsprism.ingest.bounded_json import JsonBoundsError, OversizedNumber, bounds_problem, load_json
from newsprism.ingest.build import RawArticle
from newsprism.ingest.fragments import fragment_to_text, looks_like_html
from newsprism.models import InputKind

# Our field -> the column that holds it by default.
STANDARD_FIELDS = {
    "external_id": "id",
    "title": "title",
    "text": "text",
    "source": "source",
    "url": "url",
    "published": "published",
    "language": "language",
    "author": "author",
}
# Other names exports commonly use for a field, tried in order when the standard column is absent or empty
# and `--map` does not name one.
COMMON_COLUMNS = {
    "external_id": ("doc_id", "article_id", "guid", "uuid"),
    "title": ("headline",),
    "text": ("content", "body", "article", "full_text", "maintext", "story"),
    "source": ("outlet", "publisher", "source_name", "site", "domain"),
    "url": ("uri", "link", "source_url"),
    "published": ("date", "dct", "published_at", "pubdate", "publish_date", "datetime", "created_at"),
    "language": ("lang",),
    "author": ("authors", "byline"),
}
MAP_ALIASES = {"id": "external_id"}


def parse_field_map(pairs: Iterable[str]) -> dict[str, str]:
    """`["text=body", "published=dct"]` or `["text=body,published=dct"]` -> {"text": "body", ...}."""
    mapping: dict[str, str] = {}
    for pair in (part for item in pairs for part in item.split(",") if part.strip()):
        ours, sep, theirs = pair.partition("=")
        ours = MAP_ALIASES.get(ours.strip(), ours.strip())
        if not sep or not theirs.strip() or ours not in STANDARD_FIELDS:
            known = ", ".join(sorted({*STANDARD_FIELDS, *MAP_ALIASES} - {"external_id"}))
            raise ValueError(f"bad --map entry {pair!r}: use FIELD=COLUMN with FIELD one of {known}")
        mapping[ours] = theirs.strip()
    return mapping


def parse_jsonl(
    lines: Iterable[str], origin: str, field_map: Mapping[str, str], max_record_bytes: int
) -> Iterator[RawArticle | IngestError]:
    """One record per non-blank line; a bad line is reported and skipped."""
    for number, line in enumerate(lines, start=1):
        if line.strip():
            yield parse_jsonl_line(line, f"{origin}:{number}", field_map, max_record_bytes)


def parse_jsonl_line(
    line: str, origin: str, field_map: Mapping[str, str], max_record_bytes: int
) -> RawArticle | IngestError:
    if len(line) > max_record_bytes:
        return IngestError(origin, f"record is over --max-bytes ({max_record_bytes:,} bytes)")
    try:
        record = load_json(line)
    except json.JSONDecodeError as error:
        return IngestError(origin, f"line is not valid JSON ({error.msg} at column {error.colno})")
    except JsonBoundsError as error:
        return IngestError(origin, f"record is {error}")
    return _record_or_error(record, origin, field_map)


def parse_json_array(
    text: str, origin: str, field_map: Mapping[str, str]
) -> Iterator[RawArticle | IngestError]:
    """A .json file holding one record or a list of records."""
    try:
        data = load_json(text)
    except json.JSONDecodeError as error:
        raise IngestError(origin, f"not valid JSON ({error.msg} at line {error.lineno})") from None
    except JsonBoundsError as error:
        raise IngestError(origin, f"JSON {error}") from None
    records = data if isinstance(data, list) else [data]
    if not records:
        raise IngestError(origin, "no articles in it (an empty JSON list)")
    for number, record in enumerate(records):
        yield _record_or_error(record, f"{origin}[{number}]", field_map)


def parse_csv(
    text: str, origin: str, field_map: Mapping[str, str], max_record_bytes: int
) -> Iterator[RawArticle | IngestError]:
    """One record per row after the header row."""
    csv.field_size_limit(max(max_record_bytes, 131072))
    dialect = csv.excel_tab if Path(origin).suffix.lower() == ".tsv" else csv.excel
    reader = csv.DictReader(io.StringIO(text, newline=""), dialect=dialect)
    rows = 0
    try:
        for row in reader:
            rows += 1
            row_origin = f"{origin}:{reader.line_num}"
            if None in row:
                yield IngestError(row_origin, "row has more cells than the header")
                continue
            yield _record_or_error(row, row_origin, field_map, kind="csv")
    except csv.Error as error:
        raise IngestError(f"{origin}:{reader.line_num}", f"malformed CSV ({error})") from None
    if not rows:
        raise IngestError(origin, "no articles in it (no rows after the header row)")


def _record_or_error(
    record: object, origin: str, field_map: Mapping[str, str], kind: InputKind = "jsonl"
) -> RawArticle | IngestError:
    if not isinstance(record, dict):
        json_type = "int" if isinstance(record, OversizedNumber) else type(record).__name__
        return IngestError(origin, f"record is a JSON {json_type}, not an object")
    if problem := bounds_problem(record):
        return IngestError(origin, problem)
    columns = {ours: _column_for(ours, record, field_map) for ours in STANDARD_FIELDS}
    values = {ours: _as_text(record.get(column)) for ours, column in columns.items()}
    body = values["text"]
    if not body or not body.strip():
        return IngestError(origin, f"record has no text (column {columns['text']!r} is missing or empty)")
    used = set(columns.values())
    metadata = {key: _as_text(value) or "" for key, value in record.items() if key not in used}
    return RawArticle(
        origin=origin,
        kind=kind,
        body=fragment_to_text(body) if looks_like_html(body) else body,
        title=values["title"],
        source=values["source"],
        url=values["url"],
        published=values["published"],
        language=values["language"],
        author=values["author"],
        external_id=values["external_id"],
        metadata=metadata,
    )


def _column_for(field: str, record: Mapping[str, object], field_map: Mapping[str, str]) -> str:
    """The mapped column, else the standard one, else the first common alternative holding a value."""
    if field in field_map:
        return field_map[field]
    standard = STANDARD_FIELDS[field]
    if record.get(standard) not in (None, ""):
        return standard
    for column in COMMON_COLUMNS[field]:
        if record.get(column) not in (None, ""):
            return column
    return standard


def _as_text(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, str):
        return value
    if isinstance(value, (int, float, bool)):
        return str(value)
    return json.dumps(value, ensure_ascii=False)
