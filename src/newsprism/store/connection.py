"""Opening the database: where it is, its pragmas, its schema."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from newsprism.errors import StoreError
from newsprism.store.migrations import migrate

DEFAULT_DB = "newsprism.db"
DB_ENV_VAR = "NEWSPRISM_DB"


def resolve_db_path(path: str | os.PathLike[str] | None = None) -> Path:
    """--db, else $NEWSPRISM_DB, else ./newsprism.db."""
    return Path(path or os.environ.get(DB_ENV_VAR) or DEFAULT_DB)


def open_database(path: str | os.PathLike[str] | None = None) -> sqlite3.Connection:
    """Open (creating if needed) and migrate; transactions are explicit (see `transaction`)."""
    db_path = resolve_db_path(path)
    if db_path.parent and not db_path.parent.exists():
        db_path.parent.mkdir(parents=True, exist_ok=True)
    try:
        db = sqlite3.connect(db_path, isolation_level=None, check_same_thread=False)
        db.execute("PRAGMA journal_mode = WAL")
        db.execute("PRAGMA synchronous = NORMAL")
        db.execute("PRAGMA foreign_keys = ON")
        db.execute("PRAGMA busy_timeout = 10000")
        # SQLite's default 2 MB page cache is far below the near-duplicate and full-text indexes of a corpus
        # of 100,000s of articles, whose inserts land all over them; 64 MB is used only as the file grows.
        db.execute("PRAGMA cache_size = -65536")
        migrate(db)
    except sqlite3.DatabaseError as error:
        raise StoreError(f"{db_path}: not a usable newsprism database ({error})") from None
    return db


@contextmanager
def transaction(db: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """All or nothing: a crash or an exception inside leaves the database as it was."""
    db.execute("BEGIN IMMEDIATE")
    try:
        yield db
    except BaseException:
        db.execute("ROLLBACK")
        raise
    db.execute("COMMIT")
