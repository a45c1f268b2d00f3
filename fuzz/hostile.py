"""Hostile input for newsprism, generated from a seed: article files of every format the readers take,
article texts for `compare`, and requests for the web app.

Each generator takes a `random.Random` and returns one input, so a run is a pure function of its seed
(no network, no clock). The values are the ones attackers and careless exports produce: dates out of
range, integers of thousands of digits, nesting deeper than the recursion limit, lone surrogates, NULs,
character references beyond Unicode, wrong encodings, truncated and bit-flipped files, empty files,
records of the wrong type. Most files also carry good records beside the bad ones, so a harness can
check that one bad record does not cost the others.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import quote
from xml.sax.saxutils import escape

# --- values -------------------------------------------------------------------------------------------

HOSTILE_DATES = (
    "9999-12-31",
    "9999-12-31T23:59:59Z",
    "0001-01-01",
    "0000-00-00",
    "0000-00-00 00:00:00",
    "2024-13-45",
    "2024-02-30",
    "-0001-01-01",
    "99999-01-01",
    "1e308",
    "-1",
    "18446744073709551616",
    "Mon, 32 Foo 2024 25:61:61 +9999",
    "Thu, 01 Jan 1970 00:00:00 +0000",
    "yesterday",
    "",
    "\x00",
    "2024-05-06T10:00:00+99:99",
)
HOSTILE_STRINGS = (
    "\ud800",
    "lone \udfff surrogate",
    "nul\x00byte",
    "\u202eevil right-to-left",
    "<script>alert(1)</script>",
    "&#xD800;",
    "&#x110000;",
    "&#99999999999;",
    "&#0;",
    "\ufeff",
    "e\u0301" * 50,
    "\U0001f4a9" * 20,
    "x" * 5_000,
    "word " * 2_000,
    "../../../../etc/passwd",
    "%00%0d%0a",
    "'; DROP TABLE articles; --",
    '"quoted" \\backslash\\ "',
    "\r\n\r\n",
    "   ",
)
# Plain prose around the hostile values, so that some records are worth storing.
GOOD_SENTENCES = (
    "The Varna river broke its banks in Oskel on Tuesday after three days of rain.",
    "More than 2,000 residents were moved to schools and a sports hall, the council said.",
    "Mayor Ilse Brandt said the old bridge would stay closed until engineers had inspected it.",
    "Rail services between Oskel and Tarvik were suspended until further notice.",
    "Forecasters expect more rain later in the week, the weather office said.",
    "The regional government released 3 million crowns in emergency aid on Wednesday.",
)
GOOD_OUTLETS = ("Oskel Herald", "Tarvik Post", "Meridian Wire", "The Daily Clarion")


def good_body(rng: random.Random, sentences: int = 4) -> str:
    return " ".join(rng.sample(GOOD_SENTENCES, k=min(sentences, len(GOOD_SENTENCES))))


def hostile_text(rng: random.Random) -> str:
    """A string field's value: hostile, good prose, or the two mixed."""
    roll = rng.random()
    if roll < 0.4:
        return rng.choice(HOSTILE_STRINGS)
    if roll < 0.6:
        return good_body(rng, rng.randint(1, 5))
    return good_body(rng, 2) + " " + rng.choice(HOSTILE_STRINGS) + " " + good_body(rng, 1)


def hostile_scalar(rng: random.Random) -> object:
    """A JSON value of the wrong kind or size for any field."""
    return rng.choice(
        [
            None,
            True,
            0,
            -1,
            2**63,
            RawJson("9" * 5_000),  # more digits than int() parses by default
            1e308,
            RawJson("Infinity"),
            RawJson("NaN"),
            [],
            {},
            ["a", ["b"]],
            {"text": "nested"},
            rng.choice(HOSTILE_DATES),
            rng.choice(HOSTILE_STRINGS),
        ]
    )


class RawJson(str):
    """A JSON fragment written as it is: numbers too long to print, nesting too deep to build."""


def nested(depth: int) -> RawJson:
    opening = "".join('{"a": ' if level % 2 else "[" for level in range(depth))
    closing = "".join("}" if level % 2 else "]" for level in reversed(range(depth)))
    return RawJson(opening + '"bottom"' + closing)


# --- records ------------------------------------------------------------------------------------------


def good_record(rng: random.Random) -> dict[str, object]:
    return {
        "title": f"Flooding in Oskel, report {rng.randint(1, 10**6)}",
        "source": rng.choice(GOOD_OUTLETS),
        "published": f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
        "text": good_body(rng, rng.randint(3, 6)),
        "url": f"https://example.org/{rng.randint(1, 10**9)}",
    }


def hostile_record(rng: random.Random) -> dict[str, object]:
    """A record whose fields are hostile, of the wrong type, missing or extra."""
    record = good_record(rng)
    for key in rng.sample(sorted(record), k=rng.randint(1, len(record))):
        roll = rng.random()
        if roll < 0.15:
            del record[key]
        elif key == "published" and roll < 0.7:
            record[key] = rng.choice(HOSTILE_DATES)
        elif roll < 0.6:
            record[key] = hostile_text(rng)
        else:
            record[key] = hostile_scalar(rng)
    if rng.random() < 0.2:
        record["extra"] = nested(rng.choice([10, 100, 3_000]))
    return record


def records(rng: random.Random) -> list[dict[str, object]]:
    """Some good records and some hostile ones, in a random order."""
    found = [good_record(rng) for _ in range(rng.randint(0, 3))]
    found += [hostile_record(rng) for _ in range(rng.randint(1, 4))]
    rng.shuffle(found)
    return found


def to_json(value: object) -> str:
    """JSON text of `value`; lone surrogates become \\ud800 escapes, as a careless exporter writes them."""
    if isinstance(value, RawJson):
        return str(value)
    if isinstance(value, dict):
        pairs = (f"{json.dumps(str(key))}: {to_json(item)}" for key, item in value.items())
        return "{" + ", ".join(pairs) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(to_json(item) for item in value) + "]"
    return json.dumps(value, ensure_ascii=True)


def _field(record: dict[str, object], key: str) -> str:
    value = record.get(key, "")
    return value if isinstance(value, str) else to_json(value)


# --- files --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class HostileFile:
    """One generated file: its name, its bytes and the generator that made it."""

    name: str
    data: bytes
    kind: str


def _encode(rng: random.Random, text: str) -> bytes:
    """Mostly UTF-8 (lone surrogates kept as surrogateescape'd garbage), sometimes another encoding."""
    roll = rng.random()
    if roll < 0.75:
        return text.encode("utf-8", "surrogatepass")
    if roll < 0.85:
        return text.encode("utf-16-le", "surrogatepass")  # no BOM
    if roll < 0.9:
        return "\ufeff".encode("utf-16-be") + text.encode("utf-16-be", "surrogatepass")
    return text.encode("latin-1", "replace")


def text_file(rng: random.Random) -> HostileFile:
    record = rng.choice([good_record, hostile_record])(rng)
    headers = [f"Title: {_field(record, 'title')}", f"Source: {_field(record, 'source')}"]
    headers.append(f"Date: {_field(record, 'published')}")
    body = "\n".join(headers) + "\n\n" + _field(record, "text") + "\n"
    return HostileFile(f"article{rng.randint(0, 999)}.txt", _encode(rng, body), "text")


def html_file(rng: random.Random) -> HostileFile:
    record = rng.choice([good_record, hostile_record])(rng)
    raw = rng.random() < 0.3  # unescaped: tags and entities as the record has them
    put = (lambda value: value) if raw else escape
    paragraphs = "".join(f"<p>{put(_field(record, 'text'))}</p>" for _ in range(rng.randint(1, 3)))
    page = (
        f"<!doctype html><html><head><title>{put(_field(record, 'title'))}</title>"
        f'<meta property="article:published_time" content="{put(_field(record, "published"))}">'
        f'<meta property="og:site_name" content="{put(_field(record, "source"))}"></head>'
        f"<body>{'<div>' * rng.choice([1, 50, 5_000])}<article><h1>{put(_field(record, 'title'))}</h1>"
        f"{paragraphs}</article></body></html>"
    )
    return HostileFile(f"page{rng.randint(0, 999)}.html", _encode(rng, page), "html")


def feed_file(rng: random.Random) -> HostileFile:
    items = records(rng)
    atom = rng.random() < 0.4
    raw = rng.random() < 0.2
    put = (lambda value: value) if raw else escape
    if atom:
        entries = "".join(
            f"<entry><title>{put(_field(item, 'title'))}</title>"
            f"<updated>{put(_field(item, 'published'))}</updated>"
            f'<link href="{put(_field(item, "url"))}"/><content>{put(_field(item, "text"))}</content></entry>'
            for item in items
        )
        document = f'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom">{entries}</feed>'
        name = f"feed{rng.randint(0, 999)}.atom"
    else:
        entries = "".join(
            f"<item><title>{put(_field(item, 'title'))}</title>"
            f"<pubDate>{put(_field(item, 'published'))}</pubDate><link>{put(_field(item, 'url'))}</link>"
            f"<description>{put(_field(item, 'text'))}</description></item>"
            for item in items
        )
        document = f'<?xml version="1.0"?><rss version="2.0"><channel><title>Oskel</title>{entries}</channel></rss>'
        name = f"feed{rng.randint(0, 999)}.rss"
    if rng.random() < 0.1:
        document = document.replace("<title>", "<title>&#x110000;", 1)
    return HostileFile(name, _encode(rng, document), "feed")


def jsonl_file(rng: random.Random) -> HostileFile:
    items = records(rng)
    lines = [to_json(item) if rng.random() < 0.9 else to_json(item)[: rng.randint(0, 30)] for item in items]
    if rng.random() < 0.2:
        lines.insert(rng.randint(0, len(lines)), to_json(nested(rng.choice([1_000, 100_000]))))
    if rng.random() < 0.1:
        lines.insert(rng.randint(0, len(lines)), to_json({"title": "x", "n": RawJson("9" * 5_000)}))
    return HostileFile(f"export{rng.randint(0, 999)}.jsonl", "\n".join(lines).encode("utf-8"), "jsonl")


def json_file(rng: random.Random) -> HostileFile:
    roll = rng.random()
    if roll < 0.1:
        document = "[]"
    elif roll < 0.2:
        document = to_json(nested(rng.choice([1_000, 50_000])))
    elif roll < 0.3:
        document = "[" + "9" * 6_000 + "]"
    else:
        document = to_json(records(rng))
    return HostileFile(f"export{rng.randint(0, 999)}.json", document.encode("utf-8"), "json")


def csv_file(rng: random.Random) -> HostileFile:
    import csv
    import io

    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["title", "source", "published", "text", "url"])
    if rng.random() < 0.85:
        for item in records(rng):
            writer.writerow([_field(item, key) for key in ("title", "source", "published", "text", "url")])
    text = buffer.getvalue()
    if rng.random() < 0.1:
        text += '"unterminated, quote\n' + "x" * 10_000
    return HostileFile(f"export{rng.randint(0, 999)}.csv", _encode(rng, text), "csv")


def junk_file(rng: random.Random) -> HostileFile:
    """Bytes that are no article at all, under an article file's name."""
    suffix = rng.choice([".txt", ".html", ".rss", ".atom", ".xml", ".json", ".jsonl", ".csv"])
    roll = rng.random()
    if roll < 0.25:
        data = b""
    elif roll < 0.4:
        data = b" \n\t " * rng.randint(1, 10)
    elif roll < 0.6:
        data = rng.randbytes(rng.randint(1, 4_000))
    elif roll < 0.75:
        data = b"\x00" * rng.randint(1, 1_000)
    elif roll < 0.85:
        data = b"<?xml version='1.0'?><!DOCTYPE x [<!ENTITY a 'aaaaaaaaaa'><!ENTITY b '&a;&a;&a;&a;&a;&a;'>]><rss>&b;</rss>"
    else:
        data = b'<rss version="2.0"><channel><title>no items</title></channel></rss>'
    return HostileFile(f"junk{rng.randint(0, 999)}{suffix}", data, "junk")


def mutated(rng: random.Random, file: HostileFile) -> HostileFile:
    """The file truncated, bit-flipped or with bytes inserted."""
    data = bytearray(file.data)
    roll = rng.random()
    if roll < 0.4 and data:
        del data[rng.randint(0, len(data) - 1) :]
    elif roll < 0.8 and data:
        for _ in range(rng.randint(1, 20)):
            data[rng.randint(0, len(data) - 1)] = rng.randint(0, 255)
    else:
        at = rng.randint(0, len(data))
        data[at:at] = rng.choice([b"\x00", b"\xff\xfe", b"\xef\xbb\xbf", b"\xed\xa0\x80", b"]]>", b"\r"])
    return HostileFile(file.name, bytes(data), file.kind)


FILE_MAKERS: dict[str, Callable[[random.Random], HostileFile]] = {
    "text": text_file,
    "html": html_file,
    "feed": feed_file,
    "jsonl": jsonl_file,
    "json": json_file,
    "csv": csv_file,
    "junk": junk_file,
}


def hostile_file(rng: random.Random, kind: str | None = None) -> HostileFile:
    made = FILE_MAKERS[kind or rng.choice(sorted(FILE_MAKERS))](rng)
    return mutated(rng, made) if rng.random() < 0.25 else made


def good_file(rng: random.Random, number: int) -> HostileFile:
    """A plain article that any reader must store, named uniquely within a batch."""
    record = good_record(rng)
    body = f"Title: {record['title']}\nSource: {record['source']}\nDate: {record['published']}\n\n{record['text']}\n"
    return HostileFile(f"good{number:05d}.txt", body.encode("utf-8"), "text")


@dataclass(frozen=True)
class Batch:
    """Files ingested together: hostile ones mixed with good ones that must all be stored."""

    files: tuple[HostileFile, ...]
    good: tuple[str, ...] = ()  # names of the files that must be stored


def mixed_batch(rng: random.Random, size: int = 8) -> Batch:
    files = [hostile_file(rng) for _ in range(size)]
    goods = [good_file(rng, number) for number in range(rng.randint(1, 3))]
    mixed = files + goods
    rng.shuffle(mixed)
    return Batch(tuple(mixed), tuple(item.name for item in goods))


# --- compare ------------------------------------------------------------------------------------------


def compare_texts(rng: random.Random) -> list[str]:
    """Two to four article texts for `compare`: repeated words, no words, huge, hostile characters."""
    makers: list[Callable[[], str]] = [
        lambda: rng.choice(["spam ", "the ", "a. ", "1 "]) * rng.randint(1, 3_000),
        lambda: hostile_text(rng),
        lambda: good_body(rng, rng.randint(1, 6)),
        lambda: "".join(chr(rng.randint(0x20, 0x2FFF)) for _ in range(rng.randint(1, 500))),
        lambda: ". ".join(rng.choice(GOOD_SENTENCES) for _ in range(rng.randint(50, 400))),
        lambda: '"' * rng.randint(1, 500) + good_body(rng, 2),
        lambda: "\n".join("- " + rng.choice(HOSTILE_STRINGS) for _ in range(rng.randint(1, 30))),
    ]
    return [rng.choice(makers)() for _ in range(rng.randint(2, 4))]


# --- web requests -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class HostileRequest:
    method: str
    path: str  # with its query string, percent-encoded where it must be
    json_body: str | None = None  # JSON text
    upload: HostileFile | None = None
    headers: tuple[tuple[str, str], ...] = ()


_PATH_IDS = ("0", "-1", "1", "2", str(2**63 - 1), str(2**63), str(2**64), "9" * 40, "abc", "1.5", "%00", "1e9")
_QUERIES = ("%00", "a%00b", "%FF", '"', '"unbalanced', "AND OR NOT", "*", "x" * 300, "NEAR(a b)", "%E2%80%AE")


def hostile_request(rng: random.Random) -> HostileRequest:
    roll = rng.random()
    if roll < 0.15:
        return HostileRequest("GET", f"/stories/{rng.choice(_PATH_IDS)}")
    if roll < 0.3:
        return HostileRequest("GET", f"/api/stories/{rng.choice(_PATH_IDS)}")
    if roll < 0.45:
        return HostileRequest("GET", f"/search?q={quote(rng.choice(_QUERIES), safe='%')}")
    if roll < 0.55:
        params = {
            "search": rng.choice(_QUERIES),
            "since": rng.choice(HOSTILE_DATES[:8] + ("2025-01-01",)),
            "limit": rng.choice(_PATH_IDS),
            "min_sources": rng.choice(_PATH_IDS),
            "source": rng.choice(_QUERIES),
        }
        keys = rng.sample(sorted(params), k=rng.randint(1, 3))
        endpoint = rng.choice(["/api/articles", "/api/stories"])
        query = "&".join(f"{key}={quote(params[key], safe='%')}" for key in keys)
        return HostileRequest("GET", f"{endpoint}?{query}")
    if roll < 0.75:
        articles = [
            {key: value for key, value in hostile_record(rng).items() if key != "extra"}
            for _ in range(rng.randint(0, 3))
        ]
        body: object = {"articles": articles, "summary_words": rng.choice([60, 0, -1, 10**6, "x"])}
        if rng.random() < 0.15:
            body = rng.choice([nested(2_000), [], "text", RawJson("9" * 5_000), {"articles": nested(500)}])
        return HostileRequest("POST", "/api/compare", json_body=to_json(body))
    if roll < 0.95:
        return HostileRequest("POST", "/upload", upload=hostile_file(rng))
    odd_paths = ["/%00", "/stories/", "/api/", "/..%2f..%2fetc%2fpasswd", "/" + "a" * 3000]
    return HostileRequest("GET", rng.choice(odd_paths))
