"""A JSONL archive is read record by record: memory stays flat however many lines, or however long a line."""

from __future__ import annotations

import json
import tracemalloc
from collections import deque
from pathlib import Path

from newsprism.ingest.discover import InputSpec
from newsprism.ingest.options import ReadOptions
from newsprism.ingest.reader import read_input
from newsprism.models import Article, Rejected

MB = 1_000_000


def read_traced(path: Path, options: ReadOptions = ReadOptions()) -> tuple[list[Article | Rejected], float]:
    """The last few items read_input yields (the rest are let go), and the most memory it held at once, in MB."""
    tracemalloc.start()
    try:
        last = deque(read_input(InputSpec(str(path)), options), maxlen=3)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return list(last), peak / MB


def test_an_archive_of_20_mb_is_read_in_under_2_mb(tmp_path: Path) -> None:
    path = tmp_path / "archive.jsonl"
    with path.open("w", encoding="utf-8") as file:
        for number in range(10_000):  # records without a text: rejected cheaply, so the test is fast
            file.write(json.dumps({"id": number, "title": f"Headline {number}", "note": "x" * 2_000}) + "\n")
    assert path.stat().st_size > 20 * MB
    last, peak = read_traced(path)
    assert last[-1] == Rejected(f"{path}:10000", "record has no text (column 'text' is missing or empty)")
    assert peak < 2


def test_a_line_of_30_mb_is_skipped_in_under_4_mb(tmp_path: Path) -> None:
    path = tmp_path / "one-long-line.jsonl"
    with path.open("wb") as file:
        file.write(b'{"text": "' + b"word " * 6_000_000 + b'"}\n')
        file.write(json.dumps({"title": "After", "text": "The market hall reopened on Saturday."}).encode() + b"\n")
    (skipped, after), peak = read_traced(path, ReadOptions(max_bytes=1 * MB))
    assert skipped == Rejected(f"{path}:1", "record is over --max-bytes (1,000,000 bytes)")
    assert isinstance(after, Article) and after.title == "After"
    assert peak < 4
