"""Hostile input (issue #19) never crashes, hangs or poisons the store.

Each case is a real file ingested by the CLI beside a good one: a bad file or record gets one line naming it
(and its record) and why, the good ones are stored, and `ingest` and `stories` keep working on the database.
"""

from __future__ import annotations

import json
import os
import sqlite3
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

from newsprism.ingest.bounded_json import MAX_NESTING, MAX_NUMBER_DIGITS
from tests.helpers import write

GOOD = (
    "Title: Market hall reopens\nSource: Vaskor Post\nPublished: 2026-03-14\n\n"
    "The market hall in Vaskor reopened on Saturday after a two-year renovation, the town council said.\n"
)
GOOD_TITLE = "Market hall reopens"
LATER = (
    "Title: Ferry back in service\nSource: Harbor Gazette\nPublished: 2026-04-02\n\n"
    "The Orlen Bay ferry crossing reopened on Thursday after three weeks of engine repairs, the operator said.\n"
)
LEAD = "The water board approved a new reservoir for the Kessling valley on Friday, ending a long dispute."
RECORD = {"id": "wb-1", "title": "Kessling gets its reservoir", "text": LEAD, "source": "Valley Herald"}
HUGE_NUMBER = "9" * 5_000
DEEP = "[" * 100_000 + "]" * 100_000


def rss(items: str) -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Vaskor Evening Star</title>'
        f"<link>https://star.example/</link>{items}</channel></rss>"
    )


def rss_item(title: str, text: str, published: str = "Tue, 07 Apr 2026 18:00:00 +0000") -> str:
    return f"<item><title>{title}</title><pubDate>{published}</pubDate><description>{text}</description></item>"


def stored(db_path: Path) -> dict[str, dict[str, object]]:
    """The stored articles by title: their text, publication date and path."""
    with sqlite3.connect(db_path) as db:
        rows = db.execute("SELECT title, text, published, path FROM articles").fetchall()
    return {title: {"text": text, "published": published, "path": path} for title, text, published, path in rows}


def rejections(result: Result) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.startswith("rejected: ")]


def assert_the_store_still_works(cli: Callable[..., Result], tmp_path: Path) -> None:
    """A later ingest stores and clusters, and the stories list, as on a database no hostile input touched."""
    result = cli("ingest", str(write(tmp_path / "later" / "ferry.txt", LATER)))
    assert (result.exit_code, result.stdout.strip()) == (0, "ingested 1, duplicates 0, rejected 0")
    listing = cli("stories", "--all", "--format", "json")
    assert listing.exit_code == 0, listing.stderr
    titles = {article["title"] for story in json.loads(listing.stdout) for article in story["articles"]}
    assert "Ferry back in service" in titles


# --- Dates outside any plausible range are dropped; the article is stored and clusters --------------------

IMPLAUSIBLE_DATES = {
    "year 9999 in a text header": (
        "far-future.txt",
        "Title: Night trams\nSource: Kelmar Daily\nPublished: 9999-12-31\n\n"
        "The Kelmar transit board voted to run the number 4 tram through the night on weekends.\n",
        "Night trams",
    ),
    "year 1 with 'yesterday' in the lead": (
        "year-one.txt",
        "Title: Bakery fire\nSource: Orsk Herald\nPublished: 0001-01-01\n\n"
        "A fire at a bakery on Orsk's market street yesterday closed the street for six hours.\n",
        "Bakery fire",
    ),
    "an RSS pubDate of 0000-00-00": (
        "zero-date.xml",
        rss(rss_item("Dockers walk out", "Dock workers walked out yesterday after pay talks collapsed.", "0000-00-00")),
        "Dockers walk out",
    ),
    "year 9999 in a JSONL record": (
        "archive.jsonl",
        json.dumps({**RECORD, "published": "9999-12-31T23:59:59+00:00"}) + "\n",
        RECORD["title"],
    ),
}


@pytest.mark.parametrize("case", IMPLAUSIBLE_DATES, ids=list(IMPLAUSIBLE_DATES))
def test_an_implausible_date_is_dropped_and_the_article_stored_and_clustered(
    case: str, tmp_path: Path, cli: Callable[..., Result], db_path: Path
) -> None:
    name, content, title = IMPLAUSIBLE_DATES[case]
    result = cli("ingest", str(write(tmp_path / "in" / name, content)), str(write(tmp_path / "in" / "good.txt", GOOD)))
    assert (result.exit_code, result.stdout.strip()) == (0, "ingested 2, duplicates 0, rejected 0"), result.stderr
    articles = stored(db_path)
    assert articles[title]["published"] is None
    assert articles[GOOD_TITLE]["published"] == "2026-03-14"
    assert_the_store_still_works(cli, tmp_path)


# --- Input that used to raise a traceback is one line naming the file and record --------------------------

REJECTED_RECORDS = {
    "a JSONL integer of 5,000 digits": (
        "numbers.jsonl",
        json.dumps(RECORD) + "\n" + '{"id": ' + HUGE_NUMBER + ', "text": "A record with a huge id."}\n',
        ":2",
        f"record holds a number of 5,000 digits (over {MAX_NUMBER_DIGITS:,})",
    ),
    "a JSON-array integer of 5,000 digits": (
        "numbers.json",
        "[" + json.dumps(RECORD) + ', {"text": "Huge count.", "count": ' + HUGE_NUMBER + "}]",
        "[1]",
        f"record holds a number of 5,000 digits (over {MAX_NUMBER_DIGITS:,})",
    ),
    "a JSONL record nested 100,000 deep": (
        "deep.jsonl",
        json.dumps(RECORD) + "\n" + '{"text": "Deep.", "tags": ' + DEEP + "}\n",
        ":2",
        f"record is nested deeper than {MAX_NESTING} levels",
    ),
    "a JSONL record nested just past the limit": (
        "deepish.jsonl",
        json.dumps(RECORD) + "\n" + '{"text": "Deep.", "tags": ' + "[" * MAX_NESTING + "]" * MAX_NESTING + "}\n",
        ":2",
        f"record is nested deeper than {MAX_NESTING} levels",
    ),
}


@pytest.mark.parametrize("case", REJECTED_RECORDS, ids=list(REJECTED_RECORDS))
def test_an_out_of_bounds_record_is_one_line_and_the_rest_of_the_file_is_stored(
    case: str, tmp_path: Path, cli: Callable[..., Result], db_path: Path
) -> None:
    name, content, record, reason = REJECTED_RECORDS[case]
    path = write(tmp_path / name, content)
    result = cli("ingest", str(path), str(write(tmp_path / "good.txt", GOOD)))
    assert result.exit_code == 1
    assert rejections(result) == [f"rejected: {path}{record}: {reason}"]
    assert result.stdout.strip() == "ingested 2, duplicates 0, rejected 1"
    assert stored(db_path).keys() == {RECORD["title"], GOOD_TITLE}
    assert_the_store_still_works(cli, tmp_path)


REJECTED_FILES = {
    "a JSON file nested 100,000 deep": ("deep.json", DEEP, f"JSON nested deeper than {MAX_NESTING} levels"),
    "a CSV file with only its header row": ("header.csv", "id,title,text\n", "no articles in it (no rows after the header row)"),
    "a JSON file holding []": ("empty.json", "[]", "no articles in it (an empty JSON list)"),
    "a feed without items": ("empty.xml", rss(""), "no articles in it (the feed has no entries)"),
    "a JSONL file of 10,000 blank lines": ("blank.jsonl", "\n" * 10_000 + " \n", "empty file"),
}


@pytest.mark.parametrize("case", REJECTED_FILES, ids=list(REJECTED_FILES))
def test_a_file_with_no_readable_article_is_one_line_and_the_batch_goes_on(
    case: str, tmp_path: Path, cli: Callable[..., Result], db_path: Path
) -> None:
    name, content, reason = REJECTED_FILES[case]
    path = write(tmp_path / name, content)
    result = cli("ingest", str(path), str(write(tmp_path / "good.txt", GOOD)))
    assert result.exit_code == 1
    assert rejections(result) == [f"rejected: {path}: {reason}"]
    assert stored(db_path).keys() == {GOOD_TITLE}
    assert_the_store_still_works(cli, tmp_path)


# --- Characters that cannot be encoded become U+FFFD before anything stores or prints them -----------------

SURROGATE_INPUTS = {
    "\\ud800 in a JSONL record's fields": (
        "surrogates.jsonl",
        json.dumps({**RECORD, "title": "Reservoir \ud800 vote", "text": LEAD + " \udfff", "source": "Herald \ud800",
                    "note \ud800": "x\udc00"}) + "\n",
        "Reservoir \ufffd vote",
    ),
    "\\ud800 in a JSON-array record": (
        "surrogates.json",
        json.dumps([{**RECORD, "title": "Reservoir \ud800 vote", "text": LEAD + " \ud800"}]),
        "Reservoir \ufffd vote",
    ),
    "&#xD800; in a feed": (
        "surrogates.xml",
        rss(rss_item("Ferry &#xD800; closed", "The crossing closed &#55296; on Tuesday after an engine failure.")),
        "Ferry \ufffd closed",
    ),
    "an entity above U+10FFFF in a feed": (
        "beyond-unicode.xml",
        rss(rss_item("Ferry &#x110000; closed", "The crossing closed &#99999999999999999999; on Tuesday.")),
        "Ferry \ufffd closed",
    ),
}


@pytest.mark.parametrize("case", SURROGATE_INPUTS, ids=list(SURROGATE_INPUTS))
def test_characters_that_cannot_be_encoded_are_replaced_and_the_article_stored(
    case: str, tmp_path: Path, cli: Callable[..., Result], db_path: Path
) -> None:
    name, content, title = SURROGATE_INPUTS[case]
    result = cli("ingest", str(write(tmp_path / name, content)), str(write(tmp_path / "good.txt", GOOD)))
    assert (result.exit_code, result.stdout.strip()) == (0, "ingested 2, duplicates 0, rejected 0"), result.stderr
    assert title in stored(db_path)
    listing = cli("articles", "--format", "json")
    assert listing.exit_code == 0
    assert "\ufffd" in listing.stdout
    assert_the_store_still_works(cli, tmp_path)


def latin1_name(folder: Path, stem: str) -> Path:
    """A path whose name ends in the Latin-1 byte é (0xE9), as the operating system hands it to Python."""
    return folder / os.fsdecode(stem.encode() + b"\xe9.txt")


@pytest.mark.skipif(sys.platform != "linux", reason="other file systems refuse names that are not UTF-8")
def test_a_file_name_that_is_not_utf8_is_printed_and_stored_with_its_byte_escaped(
    tmp_path: Path, cli: Callable[..., Result], db_path: Path
) -> None:
    folder = tmp_path / "names"
    write(latin1_name(folder, "empty-caf"), b"")
    write(latin1_name(folder, "good-caf"), GOOD)
    for spec in (str(folder), str(latin1_name(folder, "empty-caf"))):
        result = cli("ingest", spec)
        assert result.exit_code == 1
        assert rejections(result) == [f"rejected: {folder}/empty-caf\\xe9.txt: empty file"]
    assert stored(db_path)[GOOD_TITLE]["path"] == f"{folder}/good-caf\\xe9.txt"
    assert_the_store_still_works(cli, tmp_path)


# --- Encodings --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32-le"])
def test_utf16_and_utf32_without_a_bom_are_decoded(
    encoding: str, tmp_path: Path, cli: Callable[..., Result], db_path: Path
) -> None:
    text = GOOD.replace("Vaskor reopened", "Vaskor — Våskör — reopened")
    result = cli("ingest", str(write(tmp_path / "wide.txt", text.encode(encoding))))
    assert (result.exit_code, result.stderr) == (0, "")
    assert "Våskör" in str(stored(db_path)[GOOD_TITLE]["text"])


def test_a_utf16_jsonl_archive_without_a_bom_is_read_line_by_line(
    tmp_path: Path, cli: Callable[..., Result], db_path: Path
) -> None:
    lines = [json.dumps(RECORD, ensure_ascii=False), "{broken", json.dumps({**RECORD, "title": "Second"})]
    path = write(tmp_path / "wide.jsonl", ("\n".join(lines) + "\n").encode("utf-16-le"))
    result = cli("ingest", str(path))
    assert rejections(result) == [
        f"rejected: {path}:2: line is not valid JSON (Expecting property name enclosed in double quotes at column 2)"
    ]
    assert stored(db_path).keys() == {RECORD["title"], "Second"}


# --- Size: records are read up to --max-bytes, whatever their length ------------------------------------


def test_a_jsonl_archive_that_starts_with_10000_blank_lines_is_read(
    tmp_path: Path, cli: Callable[..., Result], db_path: Path
) -> None:
    result = cli("ingest", str(write(tmp_path / "padded.jsonl", "\n" * 10_000 + json.dumps(RECORD) + "\n")))
    assert (result.exit_code, result.stderr) == (0, "")
    assert stored(db_path).keys() == {RECORD["title"]}


def test_a_jsonl_line_of_30_mb_is_rejected_without_being_held_and_the_next_line_stored(
    tmp_path: Path, cli: Callable[..., Result], db_path: Path
) -> None:
    path = tmp_path / "one-long-line.jsonl"
    with path.open("wb") as file:
        file.write(b'{"text": "' + b"word " * 6_000_000 + b'"}\n')
        file.write(json.dumps(RECORD).encode() + b"\n")
    result = cli("ingest", str(path), "--max-bytes", "1MB")
    assert rejections(result) == [f"rejected: {path}:1: record is over --max-bytes (1,000,000 bytes)"]
    assert stored(db_path).keys() == {RECORD["title"]}
