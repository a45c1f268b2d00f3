"""Hostile files never crash a reader or poison the store: every file is stored or rejected in one line,
the good files of a batch are stored whatever sits beside them, and the store keeps working after."""

from __future__ import annotations

import random
import sqlite3
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fuzz import hostile
from newsprism.corpus import Corpus
from newsprism.ingest import discover_inputs, read_input
from newsprism.ingest.reader import READER_BUG
from newsprism.models import Article, Rejected
from newsprism.store.stories import StoryQuery

# Seeded and bounded for CI; `make fuzz` is the long run.
CI = settings(max_examples=80, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
SEEDS = st.integers(min_value=0, max_value=2**32 - 1)


def _write(folder: Path, files: tuple[hostile.HostileFile, ...]) -> list[Path]:
    paths = []
    for number, item in enumerate(files):
        path = folder / f"{number:02d}-{item.name}"
        path.write_bytes(item.data)
        paths.append(path)
    return paths


@CI
@given(seed=SEEDS, kind=st.sampled_from(sorted(hostile.FILE_MAKERS)))
def test_every_reader_yields_articles_or_one_line_rejections(seed: int, kind: str) -> None:
    file = hostile.hostile_file(random.Random(seed), kind)
    with tempfile.TemporaryDirectory() as folder:
        [path] = _write(Path(folder), (file,))
        for found in discover_inputs([str(path)]):
            if isinstance(found, Rejected):
                continue
            for item in read_input(found):
                assert isinstance(item, Article | Rejected)
                if isinstance(item, Rejected):
                    assert item.reason and "\n" not in item.reason and READER_BUG not in item.reason
                    assert path.name in item.origin
                else:
                    item.text.encode("utf-8")  # no lone surrogate reaches the store or the output
                    item.title.encode("utf-8")


@settings(CI, max_examples=12)
@given(seed=SEEDS)
def test_a_mixed_batch_stores_its_good_files_and_the_store_keeps_working(seed: int) -> None:
    rng = random.Random(seed)
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "news.db"
        for _ in range(2):  # the second batch runs on whatever the first one stored
            batch = hostile.mixed_batch(rng)
            inputs = Path(tempfile.mkdtemp(dir=folder))
            _write(inputs, batch.files)
            with Corpus(db) as corpus:
                report = corpus.ingest([inputs])
                assert not [item for item in report.rejected if READER_BUG in item.reason]
                list(corpus.stories(StoryQuery(min_sources=1)))
                corpus.cluster()
            with sqlite3.connect(db) as check:
                stored = {Path(path).name.split("-", 1)[1] for (path,) in check.execute("SELECT path FROM articles")}
                titles = {title for (title,) in check.execute("SELECT title FROM articles")}
            for item in batch.files:
                if item.name in batch.good:
                    title = item.data.decode().splitlines()[0].removeprefix("Title: ")
                    assert item.name in stored or title in titles, f"{item.name} was not stored"
