"""The SQLite store: migrations, idempotent saves, full-text search, filters."""

from __future__ import annotations

import ast
import sqlite3
from collections import Counter
from datetime import date
from pathlib import Path

import numpy as np
import pytest

import newsprism.store
from newsprism import Article, ArticleQuery, StoreError
from newsprism.store import ArticleStore, open_database
from newsprism.store.articles import fts_match_expression
from newsprism.store.migrations import MIGRATIONS
from newsprism.store.stories import (
    PENDING_SQL,
    STORIES_NAMING_SQL,
    ClusteringBatch,
    StoredFact,
    StoredStoryState,
    StoryStore,
)


def make_article(title: str, source: str = "Vaskor Post", published: str | None = "2026-04-07", text: str | None = None) -> Article:
    body = text or f"{title}. The council met on Tuesday."
    return Article(source=source, title=title, text=body, sentences=tuple(body.split(". ")), published=published)


@pytest.fixture
def store(db_path: Path) -> ArticleStore:
    return ArticleStore(open_database(db_path))


def test_a_new_database_has_every_migration_recorded(db_path: Path) -> None:
    open_database(db_path).close()
    with sqlite3.connect(db_path) as db:
        applied = [name for (name,) in db.execute("SELECT name FROM _migrations ORDER BY name")]
        assert applied == [name for name, _ in MIGRATIONS]
        assert db.execute("PRAGMA journal_mode").fetchone() == ("wal",)


def test_reopening_applies_nothing_twice(db_path: Path) -> None:
    open_database(db_path).close()
    open_database(db_path).close()
    with sqlite3.connect(db_path) as db:
        assert db.execute("SELECT COUNT(*) FROM _migrations").fetchone()[0] == len(MIGRATIONS)


def test_a_database_from_a_newer_version_is_refused(db_path: Path) -> None:
    open_database(db_path).close()
    with sqlite3.connect(db_path) as db:
        db.execute("INSERT INTO _migrations VALUES ('m999_future', '2030-01-01')")
    with pytest.raises(StoreError, match="newer newsprism"):
        open_database(db_path)


def test_a_file_that_is_not_a_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("just some notes, no database here " * 100)
    with pytest.raises(StoreError, match="not a usable newsprism database"):
        open_database(path)


def test_saving_the_same_article_twice_stores_it_once(store: ArticleStore) -> None:
    article = make_article("Ferry closes")
    [first] = store.save([article])
    [second] = store.save([article])
    assert first.is_new and not second.is_new
    assert first.id == second.id
    assert store.count() == 1


def test_the_same_text_from_another_outlet_is_another_article(store: ArticleStore) -> None:
    store.save([make_article("Ferry closes"), make_article("Ferry closes", source="Vaskor Evening Star")])
    assert store.count() == 2


def test_an_article_reads_back_as_it_was_saved(store: ArticleStore) -> None:
    article = Article(
        source="Vaskor Post", title="Ferry closes", text="A. B.", sentences=("A.", "B."), url="https://p.example/f",
        published="2026-04-07T09:30:00+02:00", language="en", dateline="VASKOR", author="I. Brandt",
        external_id="x-1", path="in/f.txt", kind="text", metadata={"section": "Local"},
    )
    [outcome] = store.save([article])
    stored = store.get(outcome.id)
    assert stored.article == article
    assert stored.article.metadata == {"section": "Local"}
    assert stored.content_hash == article.content_hash


def test_a_failed_batch_leaves_nothing_behind(store: ArticleStore) -> None:
    broken = make_article("Broken")
    object.__setattr__(broken, "metadata", {"bad": object()})  # cannot be serialised: the batch fails midway
    with pytest.raises(TypeError):
        store.save([make_article("Fine"), broken])
    assert store.count() == 0


def test_search_finds_words_and_phrases_in_title_and_text(store: ArticleStore) -> None:
    store.save([
        make_article("Ferry closes", text="The north bank ferry closed."),
        make_article("Market reopens", text="The bank of the river is north of the market."),
    ])
    titles = lambda query: sorted(s.article.title for s in store.find(ArticleQuery(search=query)))  # noqa: E731
    assert titles("ferry") == ["Ferry closes"]
    assert titles("north bank") == ["Ferry closes", "Market reopens"]
    assert titles('"north bank"') == ["Ferry closes"]
    assert titles("U.S. (AND) OR*") == []  # FTS syntax in user input is searched as words, never an error


def test_filters_by_source_and_date(store: ArticleStore) -> None:
    store.save([
        make_article("Old", published="2026-01-01"),
        make_article("New", published="2026-04-07"),
        make_article("Elsewhere", source="Other", published="2026-04-08"),
    ])
    assert [s.article.title for s in store.find(ArticleQuery(since="2026-04-01"))] == ["Elsewhere", "New"]
    assert [s.article.title for s in store.find(ArticleQuery(source="vaskor post"))] == ["New", "Old"]
    assert [s.article.title for s in store.find(ArticleQuery(limit=1))] == ["Elsewhere"]


@pytest.mark.parametrize(
    ("search", "expression"),
    [("flood", '"flood"'), ('"north bank" flood', '"north bank" "flood"'), ('a"b', '"a" "b"'), ("  ", "")],
)
def test_search_text_becomes_a_safe_fts_expression(search: str, expression: str) -> None:
    assert fts_match_expression(search) == expression


def test_one_outlet_written_several_ways_is_one_source_with_the_readable_name(store: ArticleStore) -> None:
    store.save([
        make_article("A", source="northfield-courier"),
        make_article("B", source="The Northfield Courier"),
        make_article("C", source="Northfield Courier"),
    ])
    assert {s.article.source for s in store.find()} == {"The Northfield Courier"}
    assert len(list(store.find(ArticleQuery(source="northfield courier")))) == 3


def test_pending_articles_are_read_in_order_through_their_partial_index(store: ArticleStore, db_path: Path) -> None:
    # Sorting every pending row for each batch of 500 made clustering a million articles quadratic.
    articles = [make_article(f"Ferry strike day {day}", published=f"2026-04-{day:02d}") for day in (9, 3, 6)]
    store.save([*articles, make_article("Undated notice", published=None)])
    stories = StoryStore(open_database(db_path))
    plan = stories.db.execute(f"EXPLAIN QUERY PLAN {PENDING_SQL}", (2,)).fetchall()
    assert any("articles_unclustered" in row[-1] for row in plan)
    assert not any("TEMP B-TREE" in row[-1] for row in plan)
    titles = {row[0]: row[1] for row in stories.db.execute("SELECT id, title FROM articles")}
    assert [titles[item.id] for item in stories.pending(3)] == [
        "Undated notice",
        "Ferry strike day 3",
        "Ferry strike day 6",
    ]


def test_a_full_name_lookup_reads_at_most_two_stories_per_name(db_path: Path) -> None:
    # Two stories are enough to know a name is shared; reading all of them grew with the corpus.
    stories = StoryStore(open_database(db_path))
    named = {1: ["Mara Velin"], 2: ["Mara Velin"], 3: ["Mara Velin", "Tomas Ardo"]}
    # New stories are numbered by the store: -i is provisional, i the id an empty store gives it.
    stories.save_batch(
        ClusteringBatch(
            stories=[],
            new_stories=[
                StoredStoryState(
                    id=-i, title=f"Story {i}", vector_sum=np.ones(4, np.float32), terms=b"", first_date=None,
                    last_date=None, size=1,
                    facts=tuple(StoredFact("full_name", name, 1) for name in names)
                    + ((StoredFact("place", "Vaskor", 1),) if i == 2 else ()),
                )
                for i, names in named.items()
            ],
            assignments=[],
            embeddings=[],
            entity_counts=Counter(),
        )
    )
    found = stories.stories_naming(["Mara Velin", "Tomas Ardo", "Vaskor", "Ilse Brandt"])
    assert set(found) == {"Mara Velin", "Tomas Ardo"}
    assert len(found["Mara Velin"]) == 2 and set(found["Mara Velin"]) <= {1, 2, 3}
    assert found["Tomas Ardo"] == [3]
    plan = stories.db.execute(f"EXPLAIN QUERY PLAN {STORIES_NAMING_SQL}", ("Mara Velin",)).fetchall()
    assert any("COVERING INDEX story_facts_by_full_name" in row[-1] for row in plan)


def test_stories_ending_since_a_day_are_picked_out_in_the_order_given(db_path: Path) -> None:
    # The follow-up path loads only stories a new article can still reach, not every old one naming someone.
    stories = StoryStore(open_database(db_path))
    last_days = {1: date(2025, 1, 10), 2: date(2026, 3, 1), 3: None, 4: date(2026, 2, 28)}
    stories.save_batch(
        ClusteringBatch(
            stories=[],
            new_stories=[
                StoredStoryState(
                    id=-i, title=f"Story {i}", vector_sum=np.ones(4, np.float32), terms=b"", first_date=day,
                    last_date=day, size=1,
                )
                for i, day in last_days.items()
            ],
            assignments=[],
            embeddings=[],
            entity_counts=Counter(),
        )
    )
    assert stories.stories_ending_since([4, 3, 2, 1], date(2026, 2, 28)) == [4, 2]
    assert stories.stories_ending_since([1, 2], date(2024, 1, 1)) == [1, 2]


@pytest.mark.parametrize("module", sorted(Path(newsprism.store.__file__).parent.glob("*.py")), ids=lambda p: p.name)
def test_the_store_imports_only_the_records_and_errors_it_reads_and_writes(module: Path) -> None:
    # The stages above it (stories/, comparison/, present/ ...) turn its plain records into their own.
    imported = set()
    for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            imported.add(node.module)
        elif isinstance(node, ast.Import):
            imported.update(alias.name for alias in node.names)
    outside = {name for name in imported if name.startswith("newsprism.") and not name.startswith("newsprism.store")}
    assert outside <= {"newsprism.errors", "newsprism.models"}
