"""Hooks that long jobs call as they go (a progress bar implements them); each does nothing by default."""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsprism.models import Article, Rejected

if TYPE_CHECKING:
    from newsprism.store import StoredOutcome


class ClusterListener:
    """Hooks for showing clustering progress."""

    def clustering_started(self, pending: int) -> None: ...
    def clustered(self, articles: int) -> None: ...


class IngestListener(ClusterListener):
    """Hooks for showing ingest progress (ingest clusters what it stores, so clustering's hooks too)."""

    def started(self, inputs: int, total_bytes: int) -> None: ...
    def advanced(self, nbytes: int) -> None: ...
    def rejected(self, item: Rejected) -> None: ...
    def stored(self, article: Article, outcome: StoredOutcome) -> None: ...
