"""Typed records that pass between the stages: ingest -> store -> analyse -> present."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Literal

InputKind = Literal["text", "html", "feed", "jsonl", "csv"]


@dataclass(frozen=True)
class Article:
    """One outlet's report, cleaned: body text without boilerplate or dateline, split into sentences."""

    source: str
    title: str
    text: str
    sentences: tuple[str, ...]
    url: str | None = None
    published: str | None = None  # ISO 8601: "2026-03-14" or "2026-03-14T09:30:00+00:00"
    language: str | None = None  # ISO 639-1 code
    dateline: str | None = None  # e.g. "KYIV" or "NAIROBI, Sept 16 (Reuters)"
    author: str | None = None
    external_id: str | None = None
    path: str | None = None  # where it was read from: file path, "file.jsonl:12", a feed URL, "<stdin>"
    kind: InputKind = "text"
    metadata: dict[str, str] = field(default_factory=dict, hash=False, compare=False)

    @property
    def content_hash(self) -> str:
        """Identity of the article: same outlet, same title, same text means the same article."""
        digest = hashlib.sha256()
        for part in (self.source.strip().casefold(), self.title.strip(), self.text.strip()):
            digest.update(part.encode("utf-8"))
            digest.update(b"\x00")
        return digest.hexdigest()

    @property
    def published_date(self) -> date | None:
        if not self.published:
            return None
        try:
            return datetime.fromisoformat(self.published).date()
        except ValueError:
            return None


@dataclass(frozen=True)
class StoredArticle:
    """An article as it sits in the store, with its database id."""

    id: int
    article: Article
    content_hash: str
    ingested_at: str


@dataclass(frozen=True)
class Rejected:
    """An input that could not be read, and why. Stored and counted, never silently dropped."""

    origin: str
    reason: str

    def __str__(self) -> str:
        return f"{self.origin}: {self.reason}"


@dataclass(frozen=True)
class IngestReport:
    """What one `ingest` run did."""

    ingested: tuple[int, ...] = ()  # ids of newly stored articles
    duplicates: tuple[int, ...] = ()  # ids of articles that were already stored
    rejected: tuple[Rejected, ...] = ()

    @property
    def summary(self) -> str:
        return (
            f"ingested {len(self.ingested)}, duplicates {len(self.duplicates)}, rejected {len(self.rejected)}"
        )
