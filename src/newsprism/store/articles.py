"""Typed reads and writes of articles, their sentences, sources and rejected inputs."""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Protocol

from newsprism.errors import NotFoundError
from newsprism.models import Article, Rejected, StoredArticle
from newsprism.store.connection import transaction

if TYPE_CHECKING:
    import numpy as np

_ARTICLE_COLUMNS = (
    "a.id, a.content_hash, s.name, a.external_id, a.title, a.text, a.url, a.published, a.language, "
    "a.dateline, a.author, a.path, a.kind, a.metadata, a.ingested_at, a.duplicate_of"
)
# Set by a migration that changes how texts are hashed; the next ingest looking for copies rebuilds the index.
_REINDEX_TASK = "index_near_duplicates"
_SEARCH_TERM = re.compile(r'"[^"]+"|[^\s"]+')


@dataclass(frozen=True)
class StoredOutcome:
    """Where an article ended up: its id, whether this call stored it, and the article it copies."""

    id: int
    is_new: bool
    duplicate_of: int | None = None


class NearDuplicateMatcher(Protocol):
    """Finds the article a new one copies (see stories/near_duplicates.py); the store keeps the index."""

    def fingerprint(self, text: str) -> tuple[np.ndarray, list[int]]: ...

    def original(self, signature: np.ndarray, candidates: list[tuple[int, np.ndarray]]) -> int | None: ...


@dataclass(frozen=True)
class ArticleQuery:
    """Filters for listing articles; all optional, combined with AND."""

    source: str | None = None
    since: str | None = None  # ISO date; compared with the publication date, else the ingest time
    search: str | None = None  # words or "quoted phrases", all must occur (FTS5)
    limit: int | None = None


class ArticleStore:
    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db

    def save(
        self,
        articles: Sequence[Article],
        rejected: Sequence[Rejected] = (),
        near_duplicates: NearDuplicateMatcher | None = None,
    ) -> list[StoredOutcome]:
        """Store a batch in one transaction; articles already stored (same content hash) stay as they are."""
        now = _now()
        outcomes = []
        with transaction(self.db):
            for article in articles:
                outcome = self._insert(article, now)
                if outcome.is_new and near_duplicates is not None:
                    outcome = self._link_near_duplicate(outcome, article, near_duplicates)
                outcomes.append(outcome)
            self.db.executemany(
                "INSERT INTO rejected (path, reason, rejected_at) VALUES (?, ?, ?)",
                [(item.origin, item.reason, now) for item in rejected],
            )
        return outcomes

    def _insert(self, article: Article, now: str) -> StoredOutcome:
        content_hash = article.content_hash
        existing = self.db.execute(
            "SELECT id, duplicate_of FROM articles WHERE content_hash = ?", (content_hash,)
        ).fetchone()
        if existing:
            return StoredOutcome(existing[0], is_new=False, duplicate_of=existing[1])
        source_id = self._source_id(article.source)
        cursor = self.db.execute(
            "INSERT INTO articles (content_hash, source_id, external_id, title, text, url, published, "
            "language, dateline, author, path, kind, metadata, ingested_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                content_hash,
                source_id,
                article.external_id,
                article.title,
                article.text,
                article.url,
                article.published,
                article.language,
                article.dateline,
                article.author,
                article.path,
                article.kind,
                json.dumps(article.metadata, ensure_ascii=False, sort_keys=True),
                now,
            ),
        )
        article_id = int(cursor.lastrowid or 0)
        self.db.executemany(
            "INSERT INTO sentences (article_id, idx, text) VALUES (?, ?, ?)",
            [(article_id, index, sentence) for index, sentence in enumerate(article.sentences)],
        )
        return StoredOutcome(article_id, is_new=True)

    def _link_near_duplicate(
        self, outcome: StoredOutcome, article: Article, matcher: NearDuplicateMatcher
    ) -> StoredOutcome:
        """Index the article's signature; mark it a copy of the earliest stored text it copies."""
        import numpy as np  # imported here: listing and reading articles need no numpy (~45 ms a command)

        signature, bands = matcher.fingerprint(article.text)
        if not bands:
            return outcome
        # One indexed point lookup per band (a row-value IN list would scan the table).
        lookup = "SELECT article_id FROM minhash_bands WHERE band = ? AND bucket = ?"
        lookups = " UNION ".join(lookup for _ in bands)
        flat = [value for band, bucket in enumerate(bands) for value in (band, bucket)]
        candidates = [
            (candidate, np.frombuffer(blob, dtype=np.uint32))
            for candidate, blob in self.db.execute(
                f"SELECT article_id, signature FROM minhash_signatures WHERE article_id IN ({lookups})", flat
            )
        ]
        original = matcher.original(signature, candidates)
        if original is not None:
            root = self.db.execute("SELECT duplicate_of FROM articles WHERE id = ?", (original,)).fetchone()[
                0
            ]
            original = root or original
            self.db.execute("UPDATE articles SET duplicate_of = ? WHERE id = ?", (original, outcome.id))
        self._index(outcome.id, signature, bands)
        return StoredOutcome(outcome.id, True, original)

    def _index(self, article_id: int, signature: np.ndarray, bands: list[int]) -> None:
        self.db.execute(
            "INSERT OR REPLACE INTO minhash_signatures (article_id, signature) VALUES (?, ?)",
            (article_id, signature.astype("uint32").tobytes()),
        )
        self.db.executemany(
            "INSERT OR IGNORE INTO minhash_bands (band, bucket, article_id) VALUES (?, ?, ?)",
            [(band, bucket, article_id) for band, bucket in enumerate(bands)],
        )

    def needs_near_duplicate_index(self) -> bool:
        """True when the near-duplicate index must be rebuilt (a migration changed how texts are hashed)."""
        row = self.db.execute("SELECT 1 FROM maintenance WHERE task = ?", (_REINDEX_TASK,)).fetchone()
        return row is not None

    def index_near_duplicates(self, matcher: NearDuplicateMatcher, batch_size: int = 500) -> int:
        """Index every stored article's text again, without linking any; returns how many were indexed.

        Each batch is one transaction and the task is marked done with the last, so an interrupted rebuild
        starts over and leaves the index whole either way.
        """
        indexed, last_id = 0, 0
        while True:
            rows = self.db.execute(
                "SELECT id, text FROM articles WHERE id > ? ORDER BY id LIMIT ?", (last_id, batch_size)
            ).fetchall()
            with transaction(self.db):
                for article_id, text in rows:
                    signature, bands = matcher.fingerprint(text)
                    if bands:
                        self._index(article_id, signature, bands)
                        indexed += 1
                if len(rows) < batch_size:
                    self.db.execute("DELETE FROM maintenance WHERE task = ?", (_REINDEX_TASK,))
                    return indexed
            last_id = rows[-1][0]

    def _source_id(self, name: str) -> int:
        """One row per outlet, however it is written ("northfield-courier", "The Northfield Courier")."""
        slug = source_slug(name)
        row = self.db.execute("SELECT id, name FROM sources WHERE slug = ?", (slug,)).fetchone()
        if row is None:
            return int(
                self.db.execute("INSERT INTO sources (name, slug) VALUES (?, ?)", (name, slug)).lastrowid or 0
            )
        source_id, known_name = row
        if _display_quality(name) > _display_quality(known_name):
            self.db.execute("UPDATE sources SET name = ? WHERE id = ?", (name, source_id))
        return int(source_id)

    def get(self, article_id: int) -> StoredArticle:
        row = self.db.execute(
            f"SELECT {_ARTICLE_COLUMNS} FROM articles a JOIN sources s ON s.id = a.source_id WHERE a.id = ?",
            (article_id,),
        ).fetchone()
        if row is None:
            raise NotFoundError(f"no article with id {article_id}")
        return self._from_row(row)

    def find(self, query: ArticleQuery = ArticleQuery()) -> Iterator[StoredArticle]:
        """Articles matching the query, newest publication first."""
        clauses, params = [], []
        join = ""
        if query.source:
            clauses.append("s.slug = ?")
            params.append(source_slug(query.source))
        if query.since:
            clauses.append("COALESCE(a.published, a.ingested_at) >= ?")
            params.append(query.since)
        if query.search and (fts_query := fts_match_expression(query.search)):
            join = "JOIN articles_fts f ON f.rowid = a.id"
            clauses.append("articles_fts MATCH ?")
            params.append(fts_query)
        where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
        limit = f"LIMIT {int(query.limit)}" if query.limit else ""
        sql = (
            f"SELECT {_ARTICLE_COLUMNS} FROM articles a JOIN sources s ON s.id = a.source_id {join} "
            f"{where} ORDER BY COALESCE(a.published, a.ingested_at) DESC, a.id DESC {limit}"
        )
        for row in self.db.execute(sql, params):
            yield self._from_row(row)

    def count(self) -> int:
        return int(self.db.execute("SELECT COUNT(*) FROM articles").fetchone()[0])

    def rejected(self) -> list[Rejected]:
        return [
            Rejected(path, reason) for path, reason in self.db.execute("SELECT path, reason FROM rejected")
        ]

    def _from_row(self, row: tuple) -> StoredArticle:
        (
            article_id,
            content_hash,
            source,
            external_id,
            title,
            text,
            url,
            published,
            language,
            dateline,
            author,
            path,
            kind,
            metadata,
            ingested_at,
            duplicate_of,
        ) = row
        sentences = tuple(
            sentence
            for (sentence,) in self.db.execute(
                "SELECT text FROM sentences WHERE article_id = ? ORDER BY idx", (article_id,)
            )
        )
        article = Article(
            source=source,
            title=title,
            text=text,
            sentences=sentences,
            url=url,
            published=published,
            language=language,
            dateline=dateline,
            author=author,
            external_id=external_id,
            path=path,
            kind=kind,
            metadata=json.loads(metadata),
        )
        return StoredArticle(
            id=article_id,
            article=article,
            content_hash=content_hash,
            ingested_at=ingested_at,
            duplicate_of=duplicate_of,
        )


def fts_match_expression(search: str) -> str:
    """User words and "phrases" as an FTS5 query in which every term must occur; no FTS syntax leaks."""
    terms = []
    for term in _SEARCH_TERM.findall(search):
        words = term.strip('"').replace('"', " ").strip()
        if words:
            terms.append('"' + words + '"')
    return " ".join(terms)


def source_slug(name: str) -> str:
    """The key that makes "The Daily Clarion", "daily-clarion" and "Daily Clarion" one outlet."""
    words = re.findall(r"[a-z0-9]+", name.casefold())
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    return "".join(words) or name.casefold()


def _display_quality(name: str) -> tuple[bool, bool, int]:
    """Prefer names written for people: with capitals and spaces rather than file-name slugs."""
    return (any(c.isupper() for c in name), " " in name, len(name))


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
