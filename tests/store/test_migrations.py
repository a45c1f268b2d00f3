"""Migrations of a database written by an earlier newsprism: its stories read and grow as if written now.

fixtures/schema_m007.sqlite was written by newsprism at 4b7bd34 (migrations up to m007, story facts as prefixed
keys such as "age:24") with `newsprism ingest` of examples/stories/lorvenne-flood (all but
northfield-courier.txt), examples/stories/mirel-water-call and fixtures/vaskor-ferry-fall.txt, then VACUUMed;
fixtures/schema_m007_stories.json is what `newsprism stories --all --format json` printed for it then.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

from newsprism.store import open_database
from newsprism.store.migrations import MIGRATIONS, migrate
from tests.helpers import EXAMPLES

FIXTURES = Path(__file__).parent / "fixtures"
PREVIOUS_SCHEMA = FIXTURES / "schema_m007.sqlite"
LORVENNE = EXAMPLES / "stories" / "lorvenne-flood"
FLOOD_TITLE = "Ostra floods force more than 4,000 from Lorvenne's north bank"
FACT_PREFIXES = {"age:": "age", "place:": "place", "day:": "day", "name:": "full_name"}


@pytest.fixture
def previous_store(db_path: Path) -> Path:
    """A copy of the database written by the previous schema, not yet opened by this newsprism."""
    shutil.copyfile(PREVIOUS_SCHEMA, db_path)
    return db_path


def split_key(key: str) -> tuple[str, str]:
    """The kind and value of an old prefixed key, as the clusterer reads it."""
    for prefix, kind in FACT_PREFIXES.items():
        if key.startswith(prefix):
            return kind, key.removeprefix(prefix)
    return "entity", key


def facts(db_path: Path) -> set[tuple[int, str, str, int]]:
    with sqlite3.connect(db_path) as db:
        return set(db.execute("SELECT story_id, kind, value, articles FROM story_facts"))


def listing(cli: Callable[..., Result], db: Path) -> list[dict]:
    result = cli("stories", "--all", "--format", "json", db=db)
    assert result.exit_code == 0
    return json.loads(result.stdout)


def story_facts(db_path: Path, story_id: int) -> set[tuple[str, str, int]]:
    with sqlite3.connect(db_path) as db:
        return set(db.execute("SELECT kind, value, articles FROM story_facts WHERE story_id = ?", (story_id,)))


def test_the_fixture_was_written_before_fact_kinds(previous_store: Path) -> None:
    with sqlite3.connect(previous_store) as db:
        applied = [name for (name,) in db.execute("SELECT name FROM _migrations ORDER BY name")]
        tables = {name for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert applied == [name for name, _ in MIGRATIONS if name < "m008"]
    assert "story_entities" in tables and "story_facts" not in tables


def test_opening_it_runs_the_migration_once_and_reopening_runs_nothing(previous_store: Path) -> None:
    db = sqlite3.connect(previous_store, isolation_level=None)
    assert migrate(db) == [name for name, _ in MIGRATIONS if name >= "m008"]
    db.close()
    with sqlite3.connect(previous_store) as db:
        schema = db.execute("SELECT type, name, sql FROM sqlite_master ORDER BY name").fetchall()
        applied = db.execute("SELECT * FROM _migrations ORDER BY name").fetchall()
    migrated = facts(previous_store)
    open_database(previous_store).close()
    db = sqlite3.connect(previous_store, isolation_level=None)
    assert migrate(db) == []
    assert db.execute("SELECT type, name, sql FROM sqlite_master ORDER BY name").fetchall() == schema
    assert db.execute("SELECT * FROM _migrations ORDER BY name").fetchall() == applied
    db.close()
    assert facts(previous_store) == migrated


def test_each_prefixed_key_becomes_a_kind_and_a_value(previous_store: Path) -> None:
    with sqlite3.connect(previous_store) as db:
        old = db.execute("SELECT story_id, name, articles FROM story_entities").fetchall()
    open_database(previous_store).close()
    assert facts(previous_store) == {(story, *split_key(key), count) for story, key, count in old}
    with sqlite3.connect(previous_store) as db:
        tables = {name for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert "story_entities" not in tables


def test_the_facts_of_every_kind_arrive_in_their_column(previous_store: Path) -> None:
    open_database(previous_store).close()
    with sqlite3.connect(previous_store) as db:
        [(ferry,)] = db.execute("SELECT id FROM stories WHERE title LIKE 'Deckhand, 24%'").fetchall()
        ferry_facts = set(db.execute("SELECT kind, value FROM story_facts WHERE story_id = ?", (ferry,)))
    assert {
        ("age", "24"),
        ("place", "vaskor"),
        ("day", "2026-03-12"),
        ("full_name", "pavel ostrin"),
        ("entity", "pavel ostrin"),
        ("entity", "saint brannoc"),
    } <= ferry_facts


def test_the_stories_list_as_they_did_before(previous_store: Path, cli: Callable[..., Result]) -> None:
    assert listing(cli, previous_store) == json.loads((FIXTURES / "schema_m007_stories.json").read_text(encoding="utf-8"))


def test_a_new_article_joins_its_story_in_a_migrated_store(
    previous_store: Path, cli: Callable[..., Result], tmp_path: Path
) -> None:
    """The migrated facts count as if this newsprism had written them: the story they make up matches the one
    a new store builds from the same five reports."""
    before = {story["title"]: story for story in listing(cli, previous_store)}
    result = cli("ingest", str(LORVENNE / "northfield-courier.txt"), db=previous_store)
    assert result.exit_code == 0
    after = {story["title"]: story for story in listing(cli, previous_store)}
    assert after.keys() == before.keys()
    flood = after[FLOOD_TITLE]
    assert flood["id"] == before[FLOOD_TITLE]["id"] and flood["version"] > before[FLOOD_TITLE]["version"]
    assert len(flood["articles"]) == len(before[FLOOD_TITLE]["articles"]) + 1 == 5
    assert "Northfield Courier" in flood["sources"]

    fresh = tmp_path / "fresh.db"
    assert cli("ingest", str(LORVENNE), db=fresh).exit_code == 0
    titles = {article["title"] for article in flood["articles"]}
    [fresh_flood] = [
        story for story in listing(cli, fresh) if {article["title"] for article in story["articles"]} == titles
    ]
    assert story_facts(previous_store, flood["id"]) == story_facts(fresh, fresh_flood["id"])
