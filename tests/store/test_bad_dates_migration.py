"""A store poisoned by an impossible date before m009 is repaired when opened, never left unusable.

fixtures/schema_m008_bad_dates.sqlite was written by newsprism at 16e299d (migrations up to m008), before
ingest checked dates: `newsprism ingest` of examples/stories/lorvenne-flood/meridian-wire.txt and
northfield-courier.txt with fixtures/bad-dates/ancient-record.txt (0001-01-01: clustered into a story dated
0001-01-01), then far-future.txt (9999-12-31: stored, then clustering failed with "year 10000 is out of
range"), then year-one-yesterday.txt with --no-cluster (0001-01-01 and "yesterday": stored, and every later
`stories` failed with "date value out of range"); then VACUUMed.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from typer.testing import Result

from newsprism.ingest.dates import EARLIEST_PUBLICATION, FUTURE_MARGIN
from newsprism.store import open_database
from newsprism.store.migrations import migrate
from tests.helpers import write

FIXTURES = Path(__file__).parent / "fixtures"
POISONED = FIXTURES / "schema_m008_bad_dates.sqlite"
FLOOD = "Ostra floods force more than 4,000 from Lorvenne's north bank"
TANNERY, TRAMS, BAKERY = (
    "Tannery guild charter found in Brask archive",
    "Kelmar tram line to run through the night",
    "Orsk bakery fire closes market street",
)


@pytest.fixture
def poisoned(db_path: Path) -> Path:
    """A copy of the poisoned database, not yet opened by this newsprism."""
    shutil.copyfile(POISONED, db_path)
    return db_path


def published(db_path: Path) -> dict[str, str | None]:
    with sqlite3.connect(db_path) as db:
        return dict(db.execute("SELECT title, published FROM articles"))


def test_the_fixture_holds_the_impossible_dates_and_predates_the_repair(poisoned: Path) -> None:
    with sqlite3.connect(poisoned) as db:
        applied = {name for (name,) in db.execute("SELECT name FROM _migrations")}
        stories = dict(db.execute("SELECT title, first_date FROM stories"))
    assert "m008_story_fact_kinds" in applied and "m009_implausible_dates" not in applied
    assert published(poisoned) == {
        FLOOD: "2026-03-03T07:40:00+00:00",
        "Lorvenne flood: north bank residents ask why years of warnings were ignored": None,
        TANNERY: "0001-01-01",
        TRAMS: "9999-12-31",
        BAKERY: "0001-01-01",
    }
    assert stories[TANNERY] == "0001-01-01"


def test_opening_drops_the_impossible_dates_and_keeps_the_others(poisoned: Path) -> None:
    open_database(poisoned).close()
    dates = published(poisoned)
    assert dates[FLOOD] == "2026-03-03T07:40:00+00:00"
    assert dates[TANNERY] is dates[TRAMS] is dates[BAKERY] is None


def test_a_story_stretched_by_an_impossible_date_takes_its_dates_from_its_articles_again(poisoned: Path) -> None:
    with sqlite3.connect(poisoned) as db:
        before = {title: version for title, version in db.execute("SELECT title, version FROM stories")}
    open_database(poisoned).close()
    with sqlite3.connect(poisoned) as db:
        after = {title: (first, last, version) for title, first, last, version in db.execute(
            "SELECT title, first_date, last_date, version FROM stories"
        )}
    assert after[TANNERY] == (None, None, before[TANNERY] + 1)  # a new version: cached comparisons are stale
    flood = next(story for title, story in after.items() if title.startswith("Lorvenne flood"))
    assert flood == ("2026-03-03", "2026-03-03", 1)


def test_stories_and_ingest_work_again_on_the_repaired_store(
    poisoned: Path, cli: Callable[..., Result], tmp_path: Path
) -> None:
    listing = cli("stories", "--all", "--format", "json")
    assert listing.exit_code == 0, listing.stderr
    titles = {article["title"] for story in json.loads(listing.stdout) for article in story["articles"]}
    assert {TANNERY, TRAMS, BAKERY, FLOOD} <= titles
    later = write(
        tmp_path / "ferry.txt",
        "Title: Ferry back in service\nSource: Harbor Gazette\nPublished: 2026-04-02\n\n"
        "The Orlen Bay ferry crossing reopened on Thursday after three weeks of engine repairs.\n",
    )
    result = cli("ingest", str(later))
    assert (result.exit_code, result.stdout.strip()) == (0, "ingested 1, duplicates 0, rejected 0")
    assert cli("cluster", "--rebuild").exit_code == 0


def test_the_repair_keeps_the_range_ingest_keeps(poisoned: Path) -> None:
    """The migration's SQL and ingest/dates.py draw the line on the same days."""
    today = datetime.now(UTC).date()
    edges = {
        "earliest": EARLIEST_PUBLICATION.isoformat(),
        "before the earliest": (EARLIEST_PUBLICATION - timedelta(days=1)).isoformat(),
        "latest": (today + FUTURE_MARGIN - timedelta(days=1)).isoformat() + "T23:00:00+00:00",
        "after the latest": (today + FUTURE_MARGIN + timedelta(days=2)).isoformat(),
        "not a date": "sometime in spring",
    }
    with sqlite3.connect(poisoned) as db:
        for number, (title, day) in enumerate(edges.items()):
            db.execute(
                "INSERT INTO articles (content_hash, source_id, title, text, published, kind, ingested_at) "
                "VALUES (?, 1, ?, 'Text.', ?, 'text', '2026-12-01T00:00:00+00:00')",
                (f"edge-{number}", title, day),
            )
        db.execute("INSERT INTO story_facts VALUES (1, 'day', '0000-12-31', 1), (1, 'day', '1600-01-01', 1)")
    db = sqlite3.connect(poisoned, isolation_level=None)
    assert migrate(db) == ["m009_implausible_dates"]
    db.close()
    dates = published(poisoned)
    assert {title: dates[title] is not None for title in edges} == {
        "earliest": True,
        "before the earliest": False,
        "latest": True,
        "after the latest": False,
        "not a date": False,
    }
    with sqlite3.connect(poisoned) as db:
        days = {value for (value,) in db.execute("SELECT value FROM story_facts WHERE story_id = 1 AND kind = 'day'")}
    assert "1600-01-01" in days and "0000-12-31" not in days
