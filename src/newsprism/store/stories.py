"""Typed reads and writes of stories: their clustering state, members, and cached comparisons."""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Literal, NamedTuple

from newsprism.errors import NotFoundError, StoreError
from newsprism.models import Story, StoryMember
from newsprism.store.connection import WriterLock, transaction

if TYPE_CHECKING:
    import numpy as np

# A story's latest publication date; the ingest time only when none of its articles has a date.
_LAST_SEEN = "COALESCE(MAX(a.published), MAX(a.ingested_at))"
# Read through the partial index of full names (m008), whose condition the query repeats to use it.
STORIES_NAMING_SQL = (
    "SELECT story_id FROM story_facts INDEXED BY story_facts_by_full_name "
    "WHERE kind = 'full_name' AND value = ? LIMIT 2"
)
# Read through the partial index of unclustered articles (m003), named because the planner prefers the index
# on story_id and then sorts every pending row: 1.2 s per batch of 500 with 900k pending, a quadratic pass.
PENDING_SQL = (
    "SELECT id, duplicate_of FROM articles INDEXED BY articles_unclustered WHERE story_id IS NULL "
    "ORDER BY published, content_hash LIMIT ?"
)
# SQLite binds at most 32,766 parameters per statement; chunks stay far below.
_CHUNK = 900


class StoryConflictError(StoreError):
    """A clustering batch was computed from stories or pending articles that another writer has changed
    since: nothing of it is saved, and the clustering run starts again from what is stored."""


@dataclass(frozen=True)
class PendingArticle:
    """An article (not yet in a story, or a story's member), with the article it copies (if any)."""

    id: int
    duplicate_of: int | None


@dataclass(frozen=True)
class StoryQuery:
    """Filters for listing stories; all optional, combined with AND."""

    since: str | None = None  # ISO date; stories whose latest article is on or after it
    min_sources: int = 1
    limit: int | None = None


# A name a story's articles mention (case-folded); a person's full name among them; or a fact of their leads
# that tells look-alike events apart: a victim's age, a place word, a day (ISO date).
FactKind = Literal["entity", "full_name", "age", "place", "day"]


# A named tuple, not a frozen dataclass: one is built for each fact of each story loaded, in half the time
# (0.4 s against 0.75 s a million).
class StoredFact(NamedTuple):
    """Something a story's articles mention, and in how many of them."""

    kind: FactKind
    value: str
    articles: int


@dataclass(frozen=True)
class StoredStoryState:
    """What the clusterer remembers of a story, as stored; stories/builder.py turns it into a StoryState."""

    id: int
    title: str
    vector_sum: np.ndarray  # float32 sum of the members' unit embeddings (read-only as read)
    terms: bytes | None  # the summed word vector (TermVector.to_bytes); None if clustered before m004
    first_date: date | None
    last_date: date | None
    size: int
    # As read, all the story's facts; in a ClusteringBatch, those whose counts changed (zero removes one).
    facts: tuple[StoredFact, ...] = ()
    # As read, the stored version; in a ClusteringBatch, the version the change was computed from.
    version: int = 1


@dataclass(frozen=True)
class ClusteringBatch:
    """What one clustering batch changed, saved in one transaction.

    A story this batch opens has a provisional id (negative, see `save_batch`) wherever it appears.
    """

    stories: Sequence[StoredStoryState]  # stored stories changed, each with its changed facts
    assignments: Sequence[tuple[int, int]]  # (article id, story id) of pending articles
    embeddings: Sequence[tuple[int, np.ndarray]]  # newly computed (article id, vector)
    entity_counts: Counter[str]  # articles per name added by this batch
    new_stories: Sequence[StoredStoryState] = ()  # stories opened by this batch, with all their facts
    moves: Sequence[tuple[int, int, int]] = ()  # (article id, from story, to story): a split's


class StoryStore:
    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db

    # --- clustering state -----------------------------------------------------------------

    def pending(self, limit: int) -> list[PendingArticle]:
        """Articles without a story, oldest publication first (undated first), ties by content hash."""
        rows = self.db.execute(PENDING_SQL, (limit,))
        return [PendingArticle(article_id, original) for article_id, original in rows]

    def pending_count(self) -> int:
        return int(self.db.execute("SELECT COUNT(*) FROM articles WHERE story_id IS NULL").fetchone()[0])

    def clustered_count(self) -> int:
        return int(self.db.execute("SELECT COUNT(*) FROM articles WHERE story_id IS NOT NULL").fetchone()[0])

    def has_pending(self) -> bool:
        return self.db.execute("SELECT 1 FROM articles WHERE story_id IS NULL LIMIT 1").fetchone() is not None

    def clustering_lock(self) -> WriterLock:
        """The lock a clustering run holds from reading the stories it extends to saving its last batch."""
        return WriterLock(self.db, "clustering")

    def story_ids_between(self, first: date, last: date) -> list[int]:
        """Stories with an article dated inside [first, last] or spanning it."""
        rows = self.db.execute(
            "SELECT id FROM stories WHERE last_date >= ? AND first_date <= ?",
            (first.isoformat(), last.isoformat()),
        )
        return [story_id for (story_id,) in rows]

    def stories_ending_since(self, story_ids: Sequence[int], first: date) -> list[int]:
        """Those of these stories whose latest article is dated `first` or later, in the order given."""
        recent: set[int] = set()
        for chunk in _chunks(story_ids):
            marks = ",".join("?" * len(chunk))
            query = f"SELECT id FROM stories WHERE id IN ({marks}) AND last_date >= ?"
            rows = self.db.execute(query, [*chunk, first.isoformat()])
            recent.update(story_id for (story_id,) in rows)
        return [story_id for story_id in story_ids if story_id in recent]

    def stories_of(self, article_ids: Sequence[int]) -> dict[int, int]:
        """article id -> story id, for those of these articles that are in a story."""
        found: dict[int, int] = {}
        for chunk in _chunks(article_ids):
            marks = ",".join("?" * len(chunk))
            found.update(
                self.db.execute(
                    f"SELECT id, story_id FROM articles WHERE story_id IS NOT NULL AND id IN ({marks})", chunk
                )
            )
        return found

    def members(self, story_id: int) -> list[PendingArticle]:
        """The articles of a story (with the article each copies), in the order they were clustered."""
        rows = self.db.execute(
            "SELECT id, duplicate_of FROM articles WHERE story_id = ? ORDER BY published, content_hash",
            (story_id,),
        )
        return [PendingArticle(article_id, original) for article_id, original in rows]

    def latest_date(self) -> date | None:
        """The latest publication date of any story."""
        (latest,) = self.db.execute("SELECT MAX(last_date) FROM stories").fetchone()
        return date.fromisoformat(latest) if latest else None

    def undated_story_ids(self, limit: int) -> list[int]:
        """The most recently created stories without any dated article."""
        rows = self.db.execute(
            "SELECT id FROM stories WHERE last_date IS NULL ORDER BY id DESC LIMIT ?", (limit,)
        )
        return [story_id for (story_id,) in rows]

    def story_states(self, story_ids: Sequence[int]) -> list[StoredStoryState]:
        """The clustering state of these stories (centroid sum, word vector, dates, size, facts)."""
        # Imported here: listing stories needs no numpy (~45 ms a command).
        import numpy as np

        facts: dict[int, list[StoredFact]] = {}
        states: dict[int, StoredStoryState] = {}
        for chunk in _chunks(story_ids):
            marks = ",".join("?" * len(chunk))
            for story_id, kind, value, count in self.db.execute(
                f"SELECT story_id, kind, value, articles FROM story_facts WHERE story_id IN ({marks})", chunk
            ):
                facts.setdefault(story_id, []).append(StoredFact(kind, value, count))
            for story_id, title, first, last, size, blob, terms, version in self.db.execute(
                "SELECT id, title, first_date, last_date, size, vector_sum, terms, version FROM stories "
                f"WHERE id IN ({marks})",
                chunk,
            ):
                states[story_id] = StoredStoryState(
                    id=story_id,
                    title=title,
                    vector_sum=np.frombuffer(blob, dtype=np.float32),
                    terms=terms,
                    first_date=date.fromisoformat(first) if first else None,
                    last_date=date.fromisoformat(last) if last else None,
                    size=size,
                    facts=tuple(facts.pop(story_id, ())),
                    version=version,
                )
        return [states[story_id] for story_id in story_ids if story_id in states]

    def entity_counts(self, names: Iterable[str]) -> dict[str, int]:
        """How many clustered articles mention each of these names (absent names are left out)."""
        counts: dict[str, int] = {}
        for chunk in _chunks(list(names)):
            marks = ",".join("?" * len(chunk))
            counts.update(
                self.db.execute(f"SELECT name, articles FROM entity_counts WHERE name IN ({marks})", chunk)
            )
        return counts

    def stories_naming(self, full_names: Iterable[str]) -> dict[str, list[int]]:
        """For each of these full names, the ids of up to two stories whose articles mention it: enough to
        tell a name that one story owns from a shared one (absent names are left out)."""
        # One bounded seek per name: reading every story of a name costs as many rows as the name has
        # stories, which grows with the corpus (740 stories for the commonest name of 1M synthetic articles).
        found: dict[str, list[int]] = {}
        for name in full_names:
            story_ids = [row[0] for row in self.db.execute(STORIES_NAMING_SQL, (name,))]
            if story_ids:
                found[name] = story_ids
        return found

    def embeddings(self, article_ids: Sequence[int]) -> dict[int, np.ndarray]:
        """Stored title-and-lead embeddings (float32) of these articles."""
        import numpy as np

        found: dict[int, np.ndarray] = {}
        for chunk in _chunks(article_ids):
            marks = ",".join("?" * len(chunk))
            for article_id, blob in self.db.execute(
                f"SELECT article_id, vector FROM article_embeddings WHERE article_id IN ({marks})", chunk
            ):
                found[article_id] = np.frombuffer(blob, dtype=np.float32)
        return found

    def save_batch(self, batch: ClusteringBatch) -> dict[int, int]:
        """Stories, article assignments, embeddings and name counts: all of them or none. Returns the id the
        store gave each new story, by its provisional id.

        Raises StoryConflictError, saving nothing, when another writer has changed since this batch read
        them a story it changes (its version moved on) or an article it places (no longer where it was):
        saving over that change would lose it and leave a story whose size is not its member count.
        """
        now = datetime.now(UTC).isoformat(timespec="seconds")
        with transaction(self.db):
            updated = self.db.executemany(
                "UPDATE stories SET first_date = ?, last_date = ?, size = ?, vector_sum = ?, terms = ?, "
                "version = version + 1, updated_at = ? WHERE id = ? AND version = ?",
                [(*_story_row(state), now, state.id, state.version) for state in batch.stories],
            ).rowcount
            if updated != len(batch.stories):
                raise StoryConflictError("another writer changed a story while this batch was clustered")
            # One insert at a time: each new story's id is the one the database gives it in this transaction.
            stored_ids = {
                state.id: int(
                    self.db.execute(
                        "INSERT INTO stories (title, first_date, last_date, size, vector_sum, terms, "
                        "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
                        (state.title, *_story_row(state), now),
                    ).fetchone()[0]
                )
                for state in batch.new_stories
            }
            changed = [*batch.stories, *batch.new_stories]
            self.db.executemany(
                "INSERT INTO story_facts (story_id, kind, value, articles) VALUES (?, ?, ?, ?) "
                "ON CONFLICT(story_id, kind, value) DO UPDATE SET articles = excluded.articles",
                [
                    (stored_ids.get(state.id, state.id), *fact)
                    for state in changed
                    for fact in state.facts
                    if fact.articles > 0
                ],
            )
            # A story cut in two no longer mentions some of its names.
            self.db.executemany(
                "DELETE FROM story_facts WHERE story_id = ? AND kind = ? AND value = ?",
                [
                    (state.id, fact.kind, fact.value)
                    for state in batch.stories
                    for fact in state.facts
                    if fact.articles <= 0
                ],
            )
            placed = self.db.executemany(
                "UPDATE articles SET story_id = ? WHERE id = ? AND story_id IS NULL",
                [
                    (stored_ids.get(story_id, story_id), article_id)
                    for article_id, story_id in batch.assignments
                ],
            ).rowcount
            moved = self.db.executemany(
                "UPDATE articles SET story_id = ? WHERE id = ? AND story_id = ?",
                [
                    (stored_ids.get(to_story, to_story), article_id, from_story)
                    for article_id, from_story, to_story in batch.moves
                ],
            ).rowcount
            if placed != len(batch.assignments) or moved != len(batch.moves):
                raise StoryConflictError("another writer placed an article while this batch was clustered")
            self._insert_embeddings(batch.embeddings)
            self.db.executemany(
                "INSERT INTO entity_counts (name, articles) VALUES (?, ?) "
                "ON CONFLICT(name) DO UPDATE SET articles = articles + excluded.articles",
                list(batch.entity_counts.items()),
            )
        return stored_ids

    def save_embeddings(self, embeddings: Sequence[tuple[int, np.ndarray]]) -> None:
        """Store title-and-lead embeddings computed ahead of clustering (article id, vector)."""
        if embeddings:
            with transaction(self.db):
                self._insert_embeddings(embeddings)

    def _insert_embeddings(self, embeddings: Sequence[tuple[int, np.ndarray]]) -> None:
        self.db.executemany(
            "INSERT OR REPLACE INTO article_embeddings (article_id, vector) VALUES (?, ?)",
            [
                (article_id, vector.astype("float32", copy=False).tobytes())
                for article_id, vector in embeddings
            ],
        )

    def forget_all(self) -> int:
        """Take every article out of its story (embeddings are kept); returns how many became pending."""
        with transaction(self.db):
            moved = self.db.execute("UPDATE articles SET story_id = NULL WHERE story_id IS NOT NULL").rowcount
            self.db.execute("DELETE FROM story_comparisons")
            self.db.execute("DELETE FROM story_facts")
            self.db.execute("DELETE FROM entity_counts")
            self.db.execute("DELETE FROM stories")
        return int(moved)

    # --- listing ----------------------------------------------------------------------------

    def find(self, query: StoryQuery = StoryQuery()) -> Iterator[Story]:
        """Stories matching the query, latest article first."""
        having = ["COUNT(DISTINCT a.source_id) >= ?"]
        params: list[object] = [query.min_sources]
        if query.since:
            having.append(f"{_LAST_SEEN} >= ?")
            params.append(query.since)
        limit = f"LIMIT {int(query.limit)}" if query.limit else ""
        story_ids = [
            story_id
            for (story_id,) in self.db.execute(
                "SELECT a.story_id FROM articles a WHERE a.story_id IS NOT NULL GROUP BY a.story_id "
                f"HAVING {' AND '.join(having)} "
                f"ORDER BY {_LAST_SEEN} DESC, a.story_id DESC {limit}",
                params,
            )
        ]
        for chunk in _chunks(story_ids):
            stories = self._stories(chunk)
            yield from (stories[story_id] for story_id in chunk)

    def get(self, story_id: int) -> Story:
        stories = self._stories([story_id])
        if story_id not in stories:
            raise NotFoundError(f"no story with id {story_id}")
        return stories[story_id]

    def _stories(self, story_ids: Sequence[int]) -> dict[int, Story]:
        marks = ",".join("?" * len(story_ids))
        members: dict[int, list[tuple[str, StoryMember]]] = {story_id: [] for story_id in story_ids}
        for (
            story_id,
            article_id,
            source,
            title,
            published,
            ingested,
            external_id,
            original,
        ) in self.db.execute(
            "SELECT a.story_id, a.id, s.name, a.title, a.published, a.ingested_at, a.external_id, "
            "a.duplicate_of FROM articles a JOIN sources s ON s.id = a.source_id "
            f"WHERE a.story_id IN ({marks}) ORDER BY COALESCE(a.published, a.ingested_at), a.id",
            list(story_ids),
        ):
            member = StoryMember(article_id, source, title, published, external_id, original)
            members[story_id].append((published or ingested, member))
        stories = {}
        for story_id, title, version in self.db.execute(
            f"SELECT id, title, version FROM stories WHERE id IN ({marks})", list(story_ids)
        ):
            rows = members[story_id]
            # Ingest times stand in for publication dates only when no article has one.
            dates = [member.published for _, member in rows if member.published] or [seen for seen, _ in rows]
            stories[story_id] = Story(
                id=story_id,
                title=title,
                first_seen=min(dates) if dates else None,
                last_seen=max(dates) if dates else None,
                sources=tuple(dict.fromkeys(member.source for _, member in rows)),
                articles=tuple(member for _, member in rows),
                version=version,
            )
        return stories

    def count(self, min_sources: int = 1) -> int:
        return int(
            self.db.execute(
                "SELECT COUNT(*) FROM (SELECT story_id FROM articles WHERE story_id IS NOT NULL "
                "GROUP BY story_id HAVING COUNT(DISTINCT source_id) >= ?)",
                (min_sources,),
            ).fetchone()[0]
        )

    # --- cached comparisons -------------------------------------------------------------------

    def cached_comparison(self, story_id: int, options: str, version: int) -> str | None:
        """The comparison JSON stored for this story version and these options, if any."""
        row = self.db.execute(
            "SELECT comparison FROM story_comparisons WHERE story_id = ? AND options = ? AND version = ?",
            (story_id, options, version),
        ).fetchone()
        return row[0] if row else None

    def cache_comparison(self, story_id: int, options: str, version: int, comparison: str) -> None:
        now = datetime.now(UTC).isoformat(timespec="seconds")
        with transaction(self.db):
            self.db.execute(
                "INSERT OR REPLACE INTO story_comparisons "
                "(story_id, options, version, comparison, computed_at) VALUES (?, ?, ?, ?, ?)",
                (story_id, options, version, comparison, now),
            )


def _story_row(state: StoredStoryState) -> tuple[str | None, str | None, int, bytes, bytes | None]:
    """first_date, last_date, size, vector_sum, terms: the columns a clustering batch writes."""
    return (
        state.first_date.isoformat() if state.first_date else None,
        state.last_date.isoformat() if state.last_date else None,
        state.size,
        state.vector_sum.astype("float32", copy=False).tobytes(),
        state.terms,
    )


def _chunks(items: Sequence[int] | list[str]) -> Iterator[list]:
    for start in range(0, len(items), _CHUNK):
        yield list(items[start : start + _CHUNK])
