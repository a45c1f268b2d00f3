"""The entity model's spans kept on disk: a later run reads them instead of loading spaCy."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from newsprism.nlp.span_cache import SpanCache

LEAD = "Mayor Ina Ferrow said the Harlan Street bridge in Dunmore would stay shut."
SPANS = [(6, 16, "PERSON"), (25, 38, "FAC"), (49, 56, "GPE")]


def test_spans_stored_by_one_run_are_read_by_the_next(tmp_path: Path) -> None:
    SpanCache(tmp_path / "spans.sqlite3", "model==1").put({LEAD: SPANS})
    later = SpanCache(tmp_path / "spans.sqlite3", "model==1")
    assert later.get([LEAD, "A text never read."]) == {LEAD: SPANS}


def test_another_model_version_never_reads_them(tmp_path: Path) -> None:
    SpanCache(tmp_path / "spans.sqlite3", "model==1").put({LEAD: SPANS})
    assert SpanCache(tmp_path / "spans.sqlite3", "model==2").get([LEAD]) == {}


def test_a_cache_that_cannot_be_opened_is_off_and_asks_for_nothing(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be", encoding="utf-8")
    cache = SpanCache(blocker / "spans.sqlite3", "model==1")
    assert not cache.enabled
    cache.put({LEAD: SPANS})
    assert cache.get([LEAD]) == {}


def test_a_damaged_cache_file_is_off_and_asks_for_nothing(tmp_path: Path) -> None:
    damaged = tmp_path / "spans.sqlite3"
    damaged.write_bytes(b"this is no SQLite database" * 100)
    cache = SpanCache(damaged, "model==1")
    assert not cache.enabled
    assert cache.get([LEAD]) == {}


RUN = """
import json, sys
from newsprism.nlp.ner import mentions
found = [[(m.text, m.label, m.start, m.end) for m in row] for row in mentions(sys.argv[1:])]
print(json.dumps({"mentions": found, "spacy_loaded": "spacy" in sys.modules}))
"""


def test_a_second_process_finds_the_same_mentions_without_loading_spacy(tmp_path: Path) -> None:
    environment = {**os.environ, "NEWSPRISM_CACHE": str(tmp_path / "cache")}

    def run() -> dict[str, object]:
        result = subprocess.run(
            [sys.executable, "-c", RUN, LEAD], env=environment, capture_output=True, text=True, check=True
        )
        return dict(json.loads(result.stdout))

    first, second = run(), run()
    assert first["spacy_loaded"] is True
    assert second["spacy_loaded"] is False
    assert second["mentions"] == first["mentions"]
    assert ["Ina Ferrow", "PERSON", 6, 16] in first["mentions"][0]  # type: ignore[index]


def test_threads_share_one_cache(tmp_path: Path) -> None:
    cache = SpanCache(tmp_path / "spans.sqlite3", "model==1")
    texts = [f"{LEAD} ({number})" for number in range(40)]
    with ThreadPoolExecutor(max_workers=4) as pool:
        list(pool.map(lambda text: cache.put({text: SPANS}), texts))
        found = list(pool.map(lambda text: cache.get([text]), texts))
    assert cache.enabled
    assert found == [{text: SPANS} for text in texts]
