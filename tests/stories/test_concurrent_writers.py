"""Several writers at once (two `ingest` commands, eight uploads) leave the stories one writer would make.

Clustering runs one at a time (a lock held for the run) and each run takes every pending article, whoever
stored it; so the writers' articles are clustered in an order that depends on timing, batch by batch. The
twelve invented events (tests/stories/events.py) are far enough apart that one writer puts each event's
five reports in one story whatever their order, so every interleaving must give exactly those stories.
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import threading
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest

from newsprism.corpus import Corpus
from newsprism.store.stories import ClusteringBatch, StoryStore
from newsprism.web.app import create_app
from tests.stories.events import EVENTS, event_files
from tests.web.conftest import serving, upload

Partition = set[frozenset[str]]


@pytest.fixture(scope="module")
def articles(tmp_path_factory: pytest.TempPathFactory) -> dict[Path, str]:
    """The report files, each with the event it reports."""
    return event_files(tmp_path_factory.mktemp("events"))


@pytest.fixture(scope="module")
def one_writer(articles: dict[Path, str], tmp_path_factory: pytest.TempPathFactory) -> Partition:
    """The stories of one `ingest` of every report, as sets of file names."""
    db = tmp_path_factory.mktemp("one-writer") / "news.db"
    with Corpus(db) as corpus:
        corpus.ingest(sorted(articles))
    return _stories(db)


def _stories(db: Path) -> Partition:
    with sqlite3.connect(db) as opened:
        members: dict[int, set[str]] = {}
        for path, story_id in opened.execute("SELECT path, story_id FROM articles"):
            members.setdefault(story_id, set()).add(Path(path).name)
    return {frozenset(names) for names in members.values()}


def _assert_sound(db: Path, articles: dict[Path, str]) -> None:
    """Every article in exactly one story, and every story's stored size its member count (none empty)."""
    with sqlite3.connect(db) as opened:
        paths = [Path(path).name for (path,) in opened.execute("SELECT path FROM articles")]
        assert Counter(paths) == Counter(path.name for path in articles)
        assert opened.execute("SELECT COUNT(*) FROM articles WHERE story_id IS NULL").fetchone() == (0,)
        sizes = opened.execute(
            "SELECT s.id, s.size, COUNT(a.id) FROM stories s LEFT JOIN articles a ON a.story_id = s.id "
            "GROUP BY s.id"
        ).fetchall()
    assert [(story_id, size) for story_id, size, members in sizes if size != members] == []
    assert all(members > 0 for _, _, members in sizes)


def _deal(articles: dict[Path, str], count: int, root: Path) -> list[Path]:
    """Deal the reports into `count` folders like cards, so that each event is in several of them."""
    folders = [root / f"writer-{number}" for number in range(count)]
    for number, path in enumerate(sorted(articles)):
        folder = folders[number % count]
        folder.mkdir(parents=True, exist_ok=True)
        (folder / path.name).write_bytes(path.read_bytes())
    return folders


def test_one_writer_makes_one_story_per_event(articles: dict[Path, str], one_writer: Partition) -> None:
    # What the concurrent writers are held to.
    events = {event.slug: frozenset(p.name for p, slug in articles.items() if slug == event.slug) for event in EVENTS}
    assert one_writer == set(events.values())


def test_two_concurrent_ingest_commands_make_the_stories_one_writer_makes(
    articles: dict[Path, str], one_writer: Partition, tmp_path: Path
) -> None:
    db = tmp_path / "news.db"
    commands = [
        subprocess.Popen(
            [sys.executable, "-m", "newsprism", "ingest", str(folder), "--db", str(db)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for folder in _deal(articles, 2, tmp_path)
    ]
    for command in commands:
        out, err = command.communicate(timeout=120)
        assert command.returncode == 0, err
        assert out.startswith("ingested 30,")
    _assert_sound(db, articles)
    assert _stories(db) == one_writer


def _all_at_once(work: Callable[[Path], None], folders: list[Path]) -> None:
    """`work(folder)` on a thread per folder, all released together; any thread's exception fails the test."""
    start = threading.Barrier(len(folders))
    failures: list[BaseException] = []

    def run(folder: Path) -> None:
        try:
            start.wait()
            work(folder)
        except BaseException as error:  # noqa: BLE001 (reported by the test's thread)
            failures.append(error)

    threads = [threading.Thread(target=run, args=(folder,)) for folder in folders]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)
    assert failures == []


def test_eight_concurrent_uploads_through_the_api_make_the_stories_one_writer_makes(
    articles: dict[Path, str], one_writer: Partition, tmp_path: Path
) -> None:
    # As the web app stores an upload: a Corpus of its own per request, on a thread of its own.
    db = tmp_path / "news.db"
    Corpus(db).close()  # the app opens the database before it serves

    def store(folder: Path) -> None:
        with Corpus(db) as corpus:
            corpus.ingest([folder])

    _all_at_once(store, _deal(articles, 8, tmp_path))
    _assert_sound(db, articles)
    assert _stories(db) == one_writer


def test_eight_clients_uploading_at_once_to_the_web_app_make_the_stories_one_writer_makes(
    articles: dict[Path, str], one_writer: Partition, tmp_path: Path
) -> None:
    db = tmp_path / "news.db"
    statuses: list[int] = []
    with serving(create_app(db)) as url:

        def client(folder: Path) -> None:
            with httpx.Client(base_url=url, timeout=120) as http:
                statuses.extend(upload(http, path.name, path.read_bytes()).status_code for path in sorted(folder.iterdir()))

        _all_at_once(client, _deal(articles, 8, tmp_path))
    assert statuses == [200] * len(articles)
    _assert_sound(db, articles)
    assert _stories(db) == one_writer


def test_a_run_that_finds_a_story_changed_under_it_saves_nothing_and_starts_again_from_the_store(
    articles: dict[Path, str], one_writer: Partition, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A writer that does not take the clustering lock (an older newsprism) puts one of the pending articles
    # in a story between the moment a batch reads that story and the moment the batch is saved.
    db = tmp_path / "news.db"
    first, second = _deal(articles, 2, tmp_path)
    with Corpus(db) as corpus:
        corpus.ingest([first])
        corpus.ingest([second], stories=None)
    save_batch = StoryStore.save_batch
    interrupted: list[tuple[int, int]] = []

    def save_after_another_writer(store: StoryStore, batch: ClusteringBatch) -> dict[int, int]:
        extended = {state.id for state in batch.stories}
        if not interrupted:
            article_id, story_id = next((a, s) for a, s in batch.assignments if s in extended)
            interrupted.append((article_id, story_id))
            with sqlite3.connect(db) as other:
                other.execute("UPDATE articles SET story_id = ? WHERE id = ?", (story_id, article_id))
                other.execute("UPDATE stories SET size = size + 1, version = version + 1 WHERE id = ?", (story_id,))
        return save_batch(store, batch)

    monkeypatch.setattr(StoryStore, "save_batch", save_after_another_writer)
    with Corpus(db) as corpus:
        report = corpus.cluster()
    assert len(interrupted) == 1 and report.articles == 29  # the other writer placed the 30th
    _assert_sound(db, articles)
    assert _stories(db) == one_writer


def test_a_new_story_takes_its_id_from_the_store_when_it_is_saved(
    articles: dict[Path, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Another writer saves a story while this run clusters: the run's new stories are numbered after it,
    # not over it (an id counted at the start of the run would be that story's).
    db = tmp_path / "news.db"
    save_batch = StoryStore.save_batch

    def save_after_another_writer(store: StoryStore, batch: ClusteringBatch) -> dict[int, int]:
        with sqlite3.connect(db) as other:
            other.execute(
                "INSERT INTO stories (title, size, vector_sum, updated_at) "
                "VALUES ('Another writer', 0, x'', '2026-06-01')"
            )
        return save_batch(store, batch)

    monkeypatch.setattr(StoryStore, "save_batch", save_after_another_writer)
    with Corpus(db) as corpus:
        report = corpus.ingest(sorted(articles)[:10])
    with sqlite3.connect(db) as opened:
        stories = opened.execute("SELECT id, title, size, version FROM stories ORDER BY id").fetchall()
    assert report.new_stories == 2
    assert [row[1:] for row in stories] == [("Another writer", 0, 1), (stories[1][1], 5, 1), (stories[2][1], 5, 1)]
