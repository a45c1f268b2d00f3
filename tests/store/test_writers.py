"""Writers at once on one database file: the lock a clustering run holds, opening a new database, and a
clustering batch computed from stories another writer has changed since."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path

import numpy as np
import pytest

from newsprism.models import Article
from newsprism.store import ArticleStore, open_database
from newsprism.store.connection import WriterLock
from newsprism.store.stories import ClusteringBatch, StoredStoryState, StoryConflictError, StoryStore

HOLD_LOCK = """
import sys, time
from newsprism.store import open_database
from newsprism.store.connection import WriterLock
lock = WriterLock(open_database(sys.argv[1]), "clustering")
lock.acquire()
print("held", flush=True)
time.sleep(60)
"""


def _story(story_id: int, size: int, version: int = 1) -> StoredStoryState:
    return StoredStoryState(
        id=story_id, title="Ferry strike", vector_sum=np.ones(4, np.float32), terms=b"", first_date=None,
        last_date=None, size=size, version=version,
    )  # fmt: skip


def _batch(**fields: object) -> ClusteringBatch:
    return ClusteringBatch(**{"stories": [], "assignments": [], "embeddings": [], "entity_counts": Counter(), **fields})  # type: ignore[arg-type]


@pytest.fixture
def stories(db_path: Path) -> StoryStore:
    """A store with one story of one article (id 1, version 1) and two articles pending (ids 2 and 3)."""
    db = open_database(db_path)
    ArticleStore(db).save([Article(source="Vaskor Post", title=f"Ferry strike day {day}", text="Crews struck.", sentences=("Crews struck.",)) for day in (1, 2, 3)])
    store = StoryStore(db)
    stored = store.save_batch(_batch(new_stories=[_story(-1, size=1)], assignments=[(1, -1)]))
    assert stored == {-1: 1}
    return store


def test_a_second_clustering_run_waits_for_the_first_to_release_the_lock(db_path: Path) -> None:
    first = WriterLock(open_database(db_path), "clustering")
    assert first.acquire()
    taken = threading.Event()
    second = WriterLock(open_database(db_path), "clustering")
    waiter = threading.Thread(target=lambda: second.acquire() and taken.set())
    waiter.start()
    assert not taken.wait(0.3)
    first.release()
    assert taken.wait(5)
    waiter.join()
    second.release()


def test_a_waiting_run_stops_waiting_when_it_no_longer_needs_the_lock(db_path: Path) -> None:
    holder = WriterLock(open_database(db_path), "clustering")
    assert holder.acquire()
    asked = []
    assert not WriterLock(open_database(db_path), "clustering").acquire(stop_waiting=lambda: asked.append(1) or True)
    assert asked == [1]
    holder.release()


def test_the_lock_of_a_killed_run_is_free(db_path: Path) -> None:
    open_database(db_path).close()
    holder = subprocess.Popen([sys.executable, "-c", HOLD_LOCK, str(db_path)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "held\n"
        assert not WriterLock(open_database(db_path), "clustering").acquire(stop_waiting=lambda: True)
    finally:
        holder.kill()
        holder.wait()
    started = time.monotonic()
    assert WriterLock(open_database(db_path), "clustering").acquire(stop_waiting=lambda: time.monotonic() - started > 5)


def test_an_in_memory_database_needs_no_lock() -> None:
    lock = WriterLock(open_database(":memory:"), "clustering")
    assert lock.path is None and lock.acquire()


def test_processes_opening_a_new_database_at_once_all_open_it(db_path: Path) -> None:
    # Each used to find every migration missing and apply the first: `table sources already exists`.
    openers = [
        subprocess.Popen(
            [sys.executable, "-c", "import sys; from newsprism.store import open_database; open_database(sys.argv[1])", str(db_path)],
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(6)
    ]
    errors = [opener.communicate(timeout=60)[1] for opener in openers]
    assert [opener.returncode for opener in openers] == [0] * 6, errors


def test_new_stories_are_numbered_by_the_store_after_every_story_saved(stories: StoryStore) -> None:
    stories.db.execute("INSERT INTO stories (id, title, size, vector_sum, updated_at) VALUES (9, 'x', 0, x'', '')")
    stored = stories.save_batch(_batch(new_stories=[_story(-1, 1), _story(-2, 1)], assignments=[(2, -1), (3, -2)]))
    assert stored == {-1: 10, -2: 11}
    assert stories.stories_of([2, 3]) == {2: 10, 3: 11}


@pytest.mark.parametrize(
    "stale",
    [
        pytest.param(_batch(stories=[_story(1, size=2, version=0)], assignments=[(2, 1)]), id="a story moved on"),
        pytest.param(_batch(stories=[_story(1, size=2)], assignments=[(1, 1)]), id="an article already placed"),
        pytest.param(
            _batch(stories=[_story(1, size=0)], new_stories=[_story(-1, size=1)], moves=[(1, 7, -1)]),
            id="a moved article not where it was",
        ),
    ],
)
def test_a_batch_computed_from_what_another_writer_changed_saves_nothing(
    stories: StoryStore, stale: ClusteringBatch
) -> None:
    with pytest.raises(StoryConflictError):
        stories.save_batch(stale)
    assert stories.db.execute("SELECT id, size, version FROM stories").fetchall() == [(1, 1, 1)]
    assert stories.stories_of([1, 2, 3]) == {1: 1}


def test_a_batch_saved_moves_its_stories_to_their_next_version(stories: StoryStore) -> None:
    stories.save_batch(_batch(stories=[_story(1, size=2)], assignments=[(2, 1)]))
    assert stories.story_states([1])[0].version == 2
    with pytest.raises(StoryConflictError):
        stories.save_batch(_batch(stories=[_story(1, size=3)], assignments=[(3, 1)]))
