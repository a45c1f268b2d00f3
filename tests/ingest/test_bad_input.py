"""Bad input: one clear line naming the file and the reason; the rest of the batch is stored."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

from tests.helpers import write

GOOD = "Title: Market hall reopens\nSource: Vaskor Post\n\nThe market hall reopened on Saturday after a two-year renovation.\n"
GOOD_RECORD = {"id": "1", "title": "Reservoir", "text": "The water board approved a reservoir on Friday.", "source": "Valley Herald"}

BAD_INPUTS: dict[str, tuple[str, bytes | str, str]] = {
    "empty file": ("empty.txt", b"", "empty file"),
    "whitespace only": ("blank.txt", b"  \n\n \t\n", "empty file"),
    "binary file": ("photo.txt", bytes(range(256)) * 40, "binary file, not text"),
    "undecodable bytes": ("broken.txt", b"Title: X\n\n" + bytes([0x81, 0x8D, 0x8F, 0x90, 0x9D]) * 200, "undecodable bytes"),
    "html without an article": ("menu.html", "<html><body><nav><a href='/'>Home</a></nav></body></html>", "no article found in the HTML page"),
    "corrupt html": ("corrupt.html", b"<html><body><p>\x00\x00\x00", "binary file, not text"),
    "feed that is not a feed": ("feed.xml", "<html><body>Not a feed, just a page.</body></html>", "not an RSS or Atom feed"),
    "only boilerplate": ("chrome.txt", "Read more: other stories\nSubscribe to our newsletter\n", "no article text"),
}


def _stored_count(db_path: Path) -> int:
    with sqlite3.connect(db_path) as db:
        return db.execute("SELECT COUNT(*) FROM articles").fetchone()[0]


@pytest.mark.parametrize("case", BAD_INPUTS, ids=list(BAD_INPUTS))
def test_bad_file_gets_one_line_and_the_batch_goes_on(
    case: str, tmp_path: Path, cli: Callable[..., Result], db_path: Path
) -> None:
    name, content, reason = BAD_INPUTS[case]
    bad = write(tmp_path / "in" / name, content)
    good = write(tmp_path / "in" / "zz-good.txt", GOOD)
    result = cli("ingest", str(bad), str(good))
    assert result.exit_code == 1
    error_lines = result.stderr.strip().splitlines()
    assert len(error_lines) == 1
    assert error_lines[0].startswith(f"rejected: {bad}: ")
    assert reason in error_lines[0]
    assert result.stdout.strip() == "ingested 1, duplicates 0, rejected 1"
    assert _stored_count(db_path) == 1


def test_a_jsonl_line_that_is_not_json_is_rejected_and_the_other_lines_stored(
    tmp_path: Path, cli: Callable[..., Result], db_path: Path
) -> None:
    lines = [json.dumps(GOOD_RECORD), "{this is not json", json.dumps({**GOOD_RECORD, "id": "2", "title": "Other"}), "[1, 2]"]
    path = write(tmp_path / "export.jsonl", "\n".join(lines) + "\n")
    result = cli("ingest", str(path))
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"rejected: {path}:2: line is not valid JSON (Expecting property name enclosed in double quotes at column 2)",
        f"rejected: {path}:4: record is a JSON list, not an object",
    ]
    assert _stored_count(db_path) == 2


def test_a_file_over_max_bytes_is_rejected(tmp_path: Path, cli: Callable[..., Result], db_path: Path) -> None:
    big = write(tmp_path / "big.txt", "Title: Big\n\n" + "The river rose again overnight. " * 2000)
    result = cli("ingest", str(big), str(write(tmp_path / "good.txt", GOOD)), "--max-bytes", "50KB")
    assert result.exit_code == 1
    assert f"rejected: {big}: file is 0.1 MB, over --max-bytes (0.05 MB)" in result.stderr
    assert _stored_count(db_path) == 1


def test_in_a_jsonl_archive_max_bytes_applies_per_record(tmp_path: Path, cli: Callable[..., Result], db_path: Path) -> None:
    huge = {**GOOD_RECORD, "id": "huge", "text": "The river rose again overnight. " * 3000}
    path = write(tmp_path / "archive.jsonl", json.dumps(GOOD_RECORD) + "\n" + json.dumps(huge) + "\n")
    result = cli("ingest", str(path), "--max-bytes", "50KB")
    assert result.exit_code == 1
    assert f"rejected: {path}:2: record is over --max-bytes (50,000 bytes)" in result.stderr
    assert _stored_count(db_path) == 1


def test_a_missing_path_is_rejected(tmp_path: Path, cli: Callable[..., Result]) -> None:
    result = cli("ingest", str(tmp_path / "nope.txt"))
    assert result.exit_code == 1
    assert result.stderr.strip() == f"rejected: {tmp_path / 'nope.txt'}: no such file or directory"


def test_rejections_are_recorded_in_the_database(tmp_path: Path, cli: Callable[..., Result], db_path: Path) -> None:
    bad = write(tmp_path / "empty.txt", b"")
    cli("ingest", str(bad))
    with sqlite3.connect(db_path) as db:
        assert db.execute("SELECT path, reason FROM rejected").fetchall() == [(str(bad), "empty file")]


def test_a_reader_that_fails_unexpectedly_costs_its_file_not_the_batch(
    cli: Callable[..., Result], db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import newsprism.ingest.feed

    def broken(data: bytes, origin: str) -> None:
        raise ValueError("a bug in the feed reader")

    monkeypatch.setattr(newsprism.ingest.feed, "parse_feed", broken)
    write(tmp_path / "in" / "a.rss", '<rss version="2.0"><channel><item><title>t</title></item></channel></rss>')
    write(tmp_path / "in" / "b.txt", "Title: Ferry\n\nThe council closed the old ferry crossing on Tuesday.\n")
    result = cli("ingest", str(tmp_path / "in"))
    assert result.exit_code == 1
    assert "a.rss: newsprism failed to read it, a bug to report with the file (ValueError: a bug in the feed reader)" in result.stderr
    assert _stored_count(db_path) == 1
