"""Opening the database: where it is, its pragmas, its schema; transactions, and locks that writers of one
kind hold for longer than a transaction."""

from __future__ import annotations

import fcntl
import os
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from newsprism.errors import StoreError
from newsprism.store.migrations import migrate

DEFAULT_DB = "newsprism.db"
DB_ENV_VAR = "NEWSPRISM_DB"
# How often a writer waiting for a WriterLock tries it again (and asks whether it still needs it).
LOCK_POLL_SECONDS = 0.05


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
        # Two processes opening a new database at once would both read that it lacks every migration and
        # both apply the first (`table sources already exists`): one migrates, the other then finds it done.
        lock = WriterLock(db, "migration")
        lock.acquire()
        try:
            migrate(db)
        finally:
            lock.release()
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


class WriterLock:
    """One writer of a kind (e.g. "clustering") at a time on a database file, across processes and threads.

    SQLite's own write lock lasts one transaction; this one lasts as long as a job that reads, computes and
    writes in many transactions must not be interleaved with another such job. It is an OS lock on a file
    beside the database (`news.db-clustering.lock`): the OS releases it when its holder dies, so a killed
    run never leaves it stuck; and each holder opens the file itself, so threads of one process (one
    connection each) exclude each other too, since a BSD lock belongs to the open file, not the process.
    An in-memory database has no other writer and needs no lock.
    """

    def __init__(self, db: sqlite3.Connection, kind: str) -> None:
        file = next((file for _, name, file in db.execute("PRAGMA database_list") if name == "main"), "")
        self.path = Path(f"{file}-{kind}.lock") if file else None
        self._fd: int | None = None

    def acquire(self, stop_waiting: Callable[[], bool] = lambda: False) -> bool:
        """Wait for the lock and take it; or return False once `stop_waiting()` says it is not needed."""
        if self.path is None:
            return True
        # Read-only is enough to lock, so a lock file another user created serves them all.
        fd = os.open(self.path, os.O_RDONLY | os.O_CREAT, 0o666)
        try:
            while not _try_lock(fd):
                if stop_waiting():
                    os.close(fd)
                    return False
                time.sleep(LOCK_POLL_SECONDS)
        except BaseException:
            os.close(fd)
            raise
        self._fd = fd
        return True

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)  # which releases the lock
            self._fd = None


def _try_lock(fd: int) -> bool:
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True
