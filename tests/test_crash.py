"""A real ingest process killed mid-run leaves a consistent database, and the rerun completes it."""

from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.helpers import write

N_FILES = 600


def _articles(directory: Path, count: int) -> None:
    for i in range(count):
        body = " ".join(
            f"Sentence {j} of report {i} says the river at gauge {i * 7 + j} rose by {j + 1} centimetres overnight."
            for j in range(25)
        )
        write(directory / f"{i // 100:02d}" / f"report-{i:04d}.txt", f"Title: Report {i}\nSource: Outlet {i % 9}\n\n{body}\n")


def _count(db_path: Path) -> int:
    try:
        with sqlite3.connect(db_path, timeout=5) as db:
            return db.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    except sqlite3.OperationalError:  # the schema is not there yet
        return 0


def _ingest(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "newsprism", "ingest", "--format", "json", *args],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )


@pytest.mark.slow
def test_kill_mid_ingest_then_rerun(tmp_path: Path) -> None:
    inputs, db_path = tmp_path / "inputs", tmp_path / "news.db"
    _articles(inputs, N_FILES)
    process = _ingest(str(inputs), "--db", str(db_path))
    deadline = time.monotonic() + 120
    while _count(db_path) < 50 and time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.05)
    assert process.poll() is None, "ingest finished before it could be killed; make the input bigger"
    process.send_signal(signal.SIGKILL)
    process.wait()

    with sqlite3.connect(db_path) as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        db.execute("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')")
        stored = db.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
        without_sentences = db.execute(
            "SELECT COUNT(*) FROM articles WHERE id NOT IN (SELECT article_id FROM sentences)"
        ).fetchone()[0]
    assert 50 <= stored < N_FILES
    assert without_sentences == 0

    rerun = _ingest(str(inputs), "--db", str(db_path))
    out, err = rerun.communicate(timeout=300)
    assert rerun.returncode == 0, err
    report = json.loads(out)
    assert len(report["duplicates"]) == stored
    assert len(report["ingested"]) == N_FILES - stored
    with sqlite3.connect(db_path) as db:
        assert db.execute("SELECT COUNT(*), COUNT(DISTINCT content_hash) FROM articles").fetchone() == (N_FILES, N_FILES)
        titles = {title for (title,) in db.execute("SELECT title FROM articles")}
    assert titles == {f"Report {i}" for i in range(N_FILES)}


def _story_invariants(db: sqlite3.Connection) -> None:
    """Every story's stored size agrees with the articles assigned to it, and each of those has its embedding."""
    sizes = dict(db.execute("SELECT id, size FROM stories"))
    members = dict(db.execute("SELECT story_id, COUNT(*) FROM articles WHERE story_id IS NOT NULL GROUP BY story_id"))
    assert sizes == members
    without_embedding = db.execute(
        "SELECT COUNT(*) FROM articles WHERE story_id IS NOT NULL AND duplicate_of IS NULL "
        "AND id NOT IN (SELECT article_id FROM article_embeddings)"
    ).fetchone()[0]
    assert without_embedding == 0


def _clustered(db_path: Path) -> int:
    try:
        with sqlite3.connect(db_path, timeout=5) as db:
            return db.execute("SELECT COUNT(*) FROM articles WHERE story_id IS NOT NULL").fetchone()[0]
    except sqlite3.OperationalError:  # the schema is not there yet
        return 0


@pytest.mark.slow
def test_kill_mid_clustering_leaves_no_half_assigned_story(tmp_path: Path) -> None:
    towns = ["Arlo", "Brisk", "Calder", "Dunmore", "Elsby", "Farrow", "Gelt", "Hollin", "Irby", "Jesmond"]
    records = [
        json.dumps({
            "id": f"r{i}",
            "source": f"Outlet {i % 7}",
            "title": f"Bridge {i} in {towns[i % 10]} closed after inspection {i}",
            "text": f"Engineers closed bridge number {i} in {towns[i % 10]} on Monday after finding cracks. "
            f"Repairs to the {i}-metre span will take {i % 9 + 2} weeks, the council of {towns[i % 10]} said.",
            "published": f"2026-0{i % 9 + 1}-{i % 28 + 1:02d}",
        })
        for i in range(1500)
    ]
    data, db_path = write(tmp_path / "bridges.jsonl", "\n".join(records)), tmp_path / "news.db"
    process = _ingest(str(data), "--db", str(db_path))
    deadline = time.monotonic() + 300
    while _clustered(db_path) == 0 and time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.05)
    assert process.poll() is None, "clustering finished before it could be killed; make the input bigger"
    process.send_signal(signal.SIGKILL)
    process.wait()

    with sqlite3.connect(db_path) as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert 0 < _clustered(db_path) < 1500
        _story_invariants(db)

    rerun = subprocess.run(
        [sys.executable, "-m", "newsprism", "stories", "--all", "--format", "json", "--db", str(db_path)],
        capture_output=True, text=True, timeout=300,
    )
    assert rerun.returncode == 0, rerun.stderr
    assert sum(len(story["articles"]) for story in json.loads(rerun.stdout)) == 1500
    with sqlite3.connect(db_path) as db:
        _story_invariants(db)
