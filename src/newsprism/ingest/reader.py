"""Reading one input of any kind into articles, each failure a Rejected value with its reason."""

from __future__ import annotations

import io
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import AnyStr, BinaryIO, Literal

from newsprism.errors import IngestError
from newsprism.ingest.build import RawArticle, build_article
from newsprism.ingest.decode import decode_bytes, looks_binary, unicode_encoding
from newsprism.ingest.discover import InputSpec
from newsprism.ingest.fetch import fetch_url
from newsprism.ingest.options import ReadOptions
from newsprism.ingest.records import parse_csv, parse_json_array, parse_jsonl, parse_jsonl_line
from newsprism.ingest.safe_text import without_surrogates
from newsprism.ingest.text import parse_text
from newsprism.models import Article, Rejected

Format = Literal["text", "html", "feed", "jsonl", "json", "csv"]
_SUFFIX_FORMATS: dict[str, Format] = {
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".xml": "feed",
    ".rss": "feed",
    ".atom": "feed",
    ".rdf": "feed",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
    ".csv": "csv",
    ".tsv": "csv",
}
_SNIFF_BYTES = 8192
RECORD_FORMATS = {"jsonl", "csv"}  # containers of many articles: --max-bytes applies per record


ProgressCallback = Callable[[int], None]
# The reason given for an input a reader failed on unexpectedly; the fuzz tests count these as failures.
READER_BUG = "newsprism failed to read it, a bug to report with the file"


def read_input(
    spec: InputSpec, options: ReadOptions = ReadOptions(), on_bytes: ProgressCallback | None = None
) -> Iterator[Article | Rejected]:
    """Every article the input holds, and a Rejected for the input or each record that cannot be read."""
    try:
        yield from _read(spec, options, on_bytes or (lambda _: None))
    except IngestError as error:
        yield _rejection(error.origin, error.reason)
    except OSError as error:
        yield _rejection(spec.origin, f"cannot read ({error.strerror or error})")
    except RecursionError:
        yield _rejection(spec.origin, "nested too deeply to read")
    except Exception as error:  # noqa: BLE001 - a reader's bug costs this input, never the rest of the batch
        yield _rejection(spec.origin, f"{READER_BUG} ({type(error).__name__}: {error})"[:300])


def _rejection(origin: str, reason: str) -> Rejected:
    """A Rejected that can be printed and stored, whatever the input put in its origin or reason."""
    return Rejected(without_surrogates(origin), without_surrogates(reason))


def _read(spec: InputSpec, options: ReadOptions, on_bytes: ProgressCallback) -> Iterator[Article | Rejected]:
    origin = spec.origin
    suffix_format = _SUFFIX_FORMATS.get(Path(origin).suffix.lower()) if not spec.is_url else None
    if suffix_format == "jsonl" and not spec.is_stdin:
        with open(spec.location, "rb") as stream:
            head = stream.read(_SNIFF_BYTES)
            if looks_binary(head):
                raise IngestError(origin, "binary file, not text")
            stream.seek(0)
            yield from _built(_nonblank(_stream_jsonl(stream, head, origin, options, on_bytes), origin))
        return
    data = _load(spec, options, record_container=suffix_format in RECORD_FORMATS)
    on_bytes(len(data))
    if suffix_format is None and spec.is_url:
        suffix_format = "feed"
    text = decode_bytes(data, origin)
    file_format = suffix_format or sniff_format(text)
    # The feed and HTML parsers (feedparser, trafilatura) load only for the files that need them.
    if file_format == "feed":
        from newsprism.ingest.feed import parse_feed

        yield from _built(parse_feed(data, origin))
    elif file_format == "html":
        from newsprism.ingest.html import parse_html

        yield from _built([parse_html(text, origin)])
    elif file_format == "jsonl":
        yield from _built(parse_jsonl(text.splitlines(), origin, options.field_map, options.max_bytes))
    elif file_format == "json":
        yield from _built(parse_json_array(text, origin, options.field_map))
    elif file_format == "csv":
        yield from _built(parse_csv(text, origin, options.field_map, options.max_bytes))
    else:
        yield from _built([parse_text(text, origin)])


def sniff_format(text: str) -> Format:
    """The format of content whose file name does not say it (stdin, odd suffixes)."""
    head = text.lstrip("\ufeff \t\r\n")[:2048].lower()
    if head.startswith("<?xml") or head.startswith("<rss") or head.startswith("<feed"):
        return "feed" if ("<rss" in head or "<feed" in head or "<rdf" in head) else "html"
    if head.startswith("<!doctype html") or head.startswith("<html") or "<body" in head:
        return "html"
    if head.startswith("{"):
        return "jsonl"
    if head.startswith("["):
        return "json"
    return "text"


def _load(spec: InputSpec, options: ReadOptions, record_container: bool) -> bytes:
    limit = options.max_bytes
    if spec.is_url:
        return fetch_url(spec.location, limit)
    if spec.is_stdin:
        data = sys.stdin.buffer.read()
    else:
        if not record_container and spec.size > limit:
            raise IngestError(spec.origin, _too_big(spec.size, limit))
        data = Path(spec.location).read_bytes()
    if not record_container and len(data) > limit:
        raise IngestError(spec.origin, _too_big(len(data), limit))
    return data


def _stream_jsonl(
    stream: BinaryIO, head: bytes, origin: str, options: ReadOptions, on_bytes: ProgressCallback
) -> Iterator[RawArticle | IngestError]:
    """Line by line, each line read up to --max-bytes, so a JSONL archive of any size (or a "line" of
    gigabytes) reads in constant memory."""
    encoding = unicode_encoding(head)
    if encoding not in (None, "utf-8-sig"):
        yield from _stream_unicode_jsonl(stream, encoding, origin, options, on_bytes)
        return
    for number, raw_line in enumerate(_bounded_lines(stream.readline, options.max_bytes), start=1):
        on_bytes(raw_line if isinstance(raw_line, int) else len(raw_line))
        line_origin = f"{origin}:{number}"
        if isinstance(raw_line, int):
            yield _record_too_big(line_origin, options.max_bytes)
            continue
        if not raw_line.strip():
            continue
        try:
            line = raw_line.decode("utf-8-sig" if number == 1 else "utf-8")
        except UnicodeDecodeError as error:
            yield IngestError(line_origin, f"line is not UTF-8 (undecodable byte at offset {error.start})")
            continue
        yield parse_jsonl_line(line, line_origin, options.field_map, options.max_bytes)


def _stream_unicode_jsonl(
    stream: BinaryIO, encoding: str, origin: str, options: ReadOptions, on_bytes: ProgressCallback
) -> Iterator[RawArticle | IngestError]:
    """A UTF-16/32 archive: the lines of a decoding stream, as UTF-16 newlines are two bytes."""
    text = io.TextIOWrapper(stream, encoding=encoding, errors="strict", newline=None)
    number = 0
    try:
        for number, line in enumerate(_bounded_lines(text.readline, options.max_bytes), start=1):
            on_bytes(line if isinstance(line, int) else len(line))
            line_origin = f"{origin}:{number}"
            if isinstance(line, int):
                yield _record_too_big(line_origin, options.max_bytes)
            elif line.strip():
                yield parse_jsonl_line(line, line_origin, options.field_map, options.max_bytes)
    except UnicodeDecodeError as error:
        reason = f"undecodable bytes ({encoding}: {error.reason})"
        raise IngestError(f"{origin}:{number + 1}", reason) from None
    finally:
        text.detach()  # the caller closes the file


def _bounded_lines(readline: Callable[[int], AnyStr], limit: int) -> Iterator[AnyStr | int]:
    """Each line of a stream; for a line over `limit` its length instead, read past without being kept."""
    chunk = max(limit, 1 << 16)
    while line := readline(limit + 1):
        if len(line) <= limit or _ends_line(line):
            yield line
            continue
        length = len(line)
        while not _ends_line(line) and (line := readline(chunk)):
            length += len(line)
        yield length


def _ends_line(line: str | bytes) -> bool:
    return line.endswith(b"\n") if isinstance(line, bytes) else line.endswith("\n")


def _record_too_big(origin: str, limit: int) -> IngestError:
    return IngestError(origin, f"record is over --max-bytes ({limit:,} bytes)")


def _nonblank(items: Iterator[RawArticle | IngestError], origin: str) -> Iterator[RawArticle | IngestError]:
    """The records of an archive, which is an empty file when it has none: only blank lines, however many."""
    empty = True
    for item in items:
        empty = False
        yield item
    if empty:
        raise IngestError(origin, "empty file")


def _built(items: Iterator[RawArticle | IngestError] | list[RawArticle]) -> Iterator[Article | Rejected]:
    for item in items:
        if isinstance(item, IngestError):
            yield _rejection(item.origin, item.reason)
            continue
        try:
            yield build_article(item)
        except IngestError as error:
            yield _rejection(error.origin, error.reason)


def _too_big(size: int, limit: int) -> str:
    return f"file is {size / 1e6:.1f} MB, over --max-bytes ({limit / 1e6:g} MB)"
