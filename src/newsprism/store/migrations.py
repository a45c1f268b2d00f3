"""Ordered schema migrations; each runs once, recorded in `_migrations`."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime

from newsprism.errors import StoreError

# (name, SQL script). Append only: a released migration is never edited, a new one is added.
MIGRATIONS: list[tuple[str, str]] = [
    (
        "m001_articles",
        """
        CREATE TABLE sources (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            slug TEXT NOT NULL UNIQUE
        );
        CREATE TABLE articles (
            id INTEGER PRIMARY KEY,
            content_hash TEXT NOT NULL UNIQUE,
            source_id INTEGER NOT NULL REFERENCES sources(id),
            external_id TEXT,
            title TEXT NOT NULL,
            text TEXT NOT NULL,
            url TEXT,
            published TEXT,
            language TEXT,
            dateline TEXT,
            author TEXT,
            path TEXT,
            kind TEXT NOT NULL,
            metadata TEXT NOT NULL DEFAULT '{}',
            ingested_at TEXT NOT NULL
        );
        CREATE INDEX articles_by_source ON articles(source_id);
        CREATE INDEX articles_by_published ON articles(published);
        CREATE TABLE sentences (
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            idx INTEGER NOT NULL,
            text TEXT NOT NULL,
            PRIMARY KEY (article_id, idx)
        ) WITHOUT ROWID;
        CREATE TABLE rejected (
            id INTEGER PRIMARY KEY,
            path TEXT NOT NULL,
            reason TEXT NOT NULL,
            rejected_at TEXT NOT NULL
        );
        CREATE VIRTUAL TABLE articles_fts USING fts5(
            title, text, content='articles', content_rowid='id',
            tokenize='unicode61 remove_diacritics 2'
        );
        CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
            INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
        END;
        CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
            INSERT INTO articles_fts(articles_fts, rowid, title, text)
            VALUES ('delete', old.id, old.title, old.text);
        END;
        CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
            INSERT INTO articles_fts(articles_fts, rowid, title, text)
            VALUES ('delete', old.id, old.title, old.text);
            INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
        END;
        """,
    ),
    (
        "m002_near_duplicates",
        """
        ALTER TABLE articles ADD COLUMN duplicate_of INTEGER REFERENCES articles(id);
        CREATE INDEX articles_by_duplicate_of ON articles(duplicate_of);
        CREATE TABLE minhash_signatures (
            article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
            signature BLOB NOT NULL
        );
        CREATE TABLE minhash_bands (
            band INTEGER NOT NULL,
            bucket INTEGER NOT NULL,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            PRIMARY KEY (band, bucket, article_id)
        ) WITHOUT ROWID;
        """,
    ),
    (
        "m003_stories",
        """
        CREATE TABLE stories (
            id INTEGER PRIMARY KEY,
            title TEXT NOT NULL,
            first_date TEXT,
            last_date TEXT,
            size INTEGER NOT NULL,
            vector_sum BLOB NOT NULL,
            version INTEGER NOT NULL DEFAULT 1,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX stories_by_last_date ON stories(last_date);
        CREATE TABLE story_entities (
            story_id INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
            name TEXT NOT NULL,
            articles INTEGER NOT NULL,
            PRIMARY KEY (story_id, name)
        ) WITHOUT ROWID;
        CREATE TABLE entity_counts (
            name TEXT PRIMARY KEY,
            articles INTEGER NOT NULL
        ) WITHOUT ROWID;
        CREATE TABLE article_embeddings (
            article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
            vector BLOB NOT NULL
        );
        CREATE TABLE story_comparisons (
            story_id INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
            options TEXT NOT NULL,
            version INTEGER NOT NULL,
            comparison TEXT NOT NULL,
            computed_at TEXT NOT NULL,
            PRIMARY KEY (story_id, options)
        );
        ALTER TABLE articles ADD COLUMN story_id INTEGER REFERENCES stories(id);
        CREATE INDEX articles_by_story ON articles(story_id);
        CREATE INDEX articles_unclustered ON articles(published, content_hash) WHERE story_id IS NULL;
        """,
    ),
    (
        # Stories clustered before this have no word vector; `newsprism cluster --rebuild` gives them one.
        "m004_story_terms",
        """
        ALTER TABLE stories ADD COLUMN terms BLOB;
        """,
    ),
    (
        # Clustering now embeds a shorter title and lead: stored vectors of the old text are dropped and the
        # articles still pending are embedded again. Stories keep their centroids (`cluster --rebuild`
        # recomputes them).
        "m005_shorter_story_text",
        """
        DELETE FROM article_embeddings;
        """,
    ),
    (
        # Shingles are now hashed per word and combined: signatures of the old hashing are dropped, and the
        # next ingest that looks for copies indexes the stored articles again (store.articles).
        "m006_minhash_word_codes",
        """
        CREATE TABLE maintenance (task TEXT PRIMARY KEY) WITHOUT ROWID;
        DELETE FROM minhash_bands;
        DELETE FROM minhash_signatures;
        INSERT INTO maintenance (task) SELECT 'index_near_duplicates' WHERE EXISTS (SELECT 1 FROM articles);
        """,
    ),
    (
        # Stories keep their full names as "name:" keys (stories.clusterer), for follow-ups months later to
        # find them; stories clustered before this gain them as articles join (or with `cluster --rebuild`).
        "m007_story_full_names",
        """
        CREATE INDEX story_entities_by_full_name ON story_entities(name)
            WHERE name >= 'name:' AND name < 'name;';
        """,
    ),
    (
        # A story's facts keep their kind in a column of its own, not as a prefix of the key: "age:24" becomes
        # ("age", "24") and "name:kareem mano" ("full_name", "kareem mano"); a key without one of these
        # prefixes is a name the articles mention, of kind "entity".
        "m008_story_fact_kinds",
        """
        CREATE TABLE story_facts (
            story_id INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
            kind TEXT NOT NULL,
            value TEXT NOT NULL,
            articles INTEGER NOT NULL,
            PRIMARY KEY (story_id, kind, value)
        ) WITHOUT ROWID;
        INSERT INTO story_facts (story_id, kind, value, articles)
        SELECT
            story_id,
            CASE WHEN prefix = 'name' THEN 'full_name' WHEN prefix IN ('age', 'place', 'day') THEN prefix
                ELSE 'entity' END,
            CASE WHEN prefix IN ('age', 'place', 'day', 'name') THEN substr(name, length(prefix) + 2)
                ELSE name END,
            articles
        FROM (SELECT *, substr(name, 1, instr(name, ':') - 1) AS prefix FROM story_entities);
        DROP TABLE story_entities;
        CREATE INDEX story_facts_by_full_name ON story_facts(value) WHERE kind = 'full_name';
        """,
    ),
    (
        # Ingest now drops a publication date outside 1600-01-01 .. today + 366 days (ingest/dates.py);
        # before, a placeholder such as 9999-12-31 or 0001-01-01 was stored and broke clustering for good
        # ("year 10000 is out of range"). Such dates are dropped here too, and the stories they stretched
        # take their dates from their articles again, with a new version so that cached comparisons go.
        "m009_implausible_dates",
        """
        UPDATE articles SET published = NULL
        WHERE published IS NOT NULL AND NOT (
            date(substr(published, 1, 10)) IS NOT NULL
            AND substr(published, 1, 10) BETWEEN '1600-01-01' AND date('now', '+366 days')
        );
        UPDATE stories SET
            first_date = (SELECT MIN(substr(published, 1, 10)) FROM articles WHERE story_id = stories.id),
            last_date = (SELECT MAX(substr(published, 1, 10)) FROM articles WHERE story_id = stories.id),
            version = version + 1
        WHERE first_date < '1600-01-01' OR last_date > date('now', '+366 days')
            OR date(first_date) IS NULL AND first_date IS NOT NULL
            OR date(last_date) IS NULL AND last_date IS NOT NULL;
        DELETE FROM story_facts
        WHERE kind = 'day' AND (
            date(value) IS NULL OR NOT value BETWEEN '1600-01-01' AND date('now', '+366 days')
        );
        """,
    ),
]


def migrate(db: sqlite3.Connection) -> list[str]:
    """Apply the migrations this database lacks, each in its own transaction; return their names."""
    db.execute("CREATE TABLE IF NOT EXISTS _migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
    applied = {row[0] for row in db.execute("SELECT name FROM _migrations")}
    known = {name for name, _ in MIGRATIONS}
    if applied - known:
        newer = ", ".join(sorted(applied - known))
        raise StoreError(
            f"the database was written by a newer newsprism (migrations {newer}); upgrade newsprism"
        )
    done = []
    for name, script in MIGRATIONS:
        if name in applied:
            continue
        applied_at = datetime.now(UTC).isoformat(timespec="seconds")
        # executescript() commits before it starts, so the transaction is part of the script itself.
        try:
            db.executescript(
                f"BEGIN IMMEDIATE; {script}; "
                f"INSERT INTO _migrations (name, applied_at) VALUES ('{name}', '{applied_at}'); COMMIT;"
            )
        except BaseException:
            if db.in_transaction:
                db.execute("ROLLBACK")
            raise
        done.append(name)
    return done
