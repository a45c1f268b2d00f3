"""The entity model's raw spans of each text, kept on disk between runs.

Importing spaCy and loading its model take one to two seconds, more than the rest of a short comparison:
a second comparison of the same articles (another output format, the web app after a restart) reads the
spans from here and never loads spaCy. Spans are stored as the model gave them (character offsets and
label); the cleaning in ner.py runs on them every time, so a change there needs no new cache. The key holds
the model package's version: another model never reads this one's spans.

The cache is a convenience: a folder that cannot be written, a locked or damaged file, turns it off for
the process with a log line, and the model is asked instead.
"""

from __future__ import annotations

import hashlib
import json
import logging
import sqlite3
import threading
from collections.abc import Iterable, Mapping, Sequence
from importlib import metadata
from pathlib import Path

from newsprism.nlp.cache import cache_dir

RawSpan = tuple[int, int, str]  # start, end, the model's label

FILE_NAME = "entity-spans.sqlite3"
# About 60 bytes a text: past this many texts the file (~60 MB) starts again empty.
MAX_TEXTS = 1_000_000
_BUSY_TIMEOUT_SECONDS = 2.0
# SQLite allows 999 parameters in one statement on older builds.
_CHUNK = 500

_log = logging.getLogger(__name__)


class SpanCache:
    """Raw entity spans by text, for one version of one model."""

    def __init__(self, path: Path, model_version: str) -> None:
        self._model_version = model_version
        self._db: sqlite3.Connection | None = None
        # One connection for the process (the web app's worker threads too), used by one thread at a time.
        self._lock = threading.Lock()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(
                path, timeout=_BUSY_TIMEOUT_SECONDS, isolation_level=None, check_same_thread=False
            )
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("CREATE TABLE IF NOT EXISTS spans (key BLOB PRIMARY KEY, spans TEXT NOT NULL)")
            (largest,) = self._db.execute("SELECT COALESCE(MAX(rowid), 0) FROM spans").fetchone()
            if largest > MAX_TEXTS:
                self._db.execute("DELETE FROM spans")
        except (OSError, sqlite3.Error) as error:
            self._off(error)

    @property
    def enabled(self) -> bool:
        return self._db is not None

    def get(self, texts: Iterable[str]) -> dict[str, list[RawSpan]]:
        """The stored spans of those texts that have them."""
        keys = {self._key(text): text for text in texts}
        with self._lock:
            return self._read(keys) if self._db is not None and keys else {}

    def _read(self, keys: dict[bytes, str]) -> dict[str, list[RawSpan]]:
        assert self._db is not None
        found: dict[str, list[RawSpan]] = {}
        ordered = list(keys)
        try:
            for start in range(0, len(ordered), _CHUNK):
                chunk = ordered[start : start + _CHUNK]
                marks = ",".join("?" * len(chunk))
                query = f"SELECT key, spans FROM spans WHERE key IN ({marks})"
                for key, stored in self._db.execute(query, chunk):
                    spans = json.loads(stored)
                    found[keys[bytes(key)]] = [(int(s), int(e), str(label)) for s, e, label in spans]
        except (sqlite3.Error, ValueError, TypeError) as error:
            self._off(error)
            return {}
        return found

    def put(self, spans_by_text: Mapping[str, Sequence[RawSpan]]) -> None:
        """Store the spans of each text (in one transaction)."""
        rows = [(self._key(text), json.dumps(list(spans))) for text, spans in spans_by_text.items()]
        with self._lock:
            if self._db is None or not rows:
                return
            try:
                with self._db:
                    self._db.execute("BEGIN")
                    self._db.executemany("INSERT OR REPLACE INTO spans (key, spans) VALUES (?, ?)", rows)
            except sqlite3.Error as error:
                self._off(error)

    def _key(self, text: str) -> bytes:
        digest = hashlib.blake2b(digest_size=16)
        digest.update(self._model_version.encode())
        digest.update(b"\0")
        digest.update(text.encode("utf-8", "surrogatepass"))
        return digest.digest()

    def _off(self, error: Exception) -> None:
        _log.warning("entity span cache off for this run (%s): the model reads every text", error)
        if self._db is not None:
            try:
                self._db.close()
            except sqlite3.Error:
                pass
        self._db = None


def default_span_cache(model_package: str) -> SpanCache:
    """The per-user cache for the installed version of the model package."""
    try:
        version = metadata.version(model_package)
    except metadata.PackageNotFoundError:
        version = "unknown"
    return SpanCache(cache_dir() / FILE_NAME, f"{model_package}=={version}")
