"""A corpus of stored articles: ingest inputs into it, read articles back."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from types import TracebackType

from newsprism.analysis.dedup import NearDuplicateOptions, NearDuplicates
from newsprism.ingest import InputSpec, ReadOptions, discover_inputs, read_input
from newsprism.models import Article, IngestReport, Rejected, StoredArticle
from newsprism.store import ArticleQuery, ArticleStore, StoredOutcome, open_database

# Records of a JSONL/CSV archive are committed in batches of this many, so a kill mid-file
# loses at most one batch of work, and a rerun skips what was stored by content hash.
RECORD_BATCH_SIZE = 500


class IngestListener:
    """Hooks for showing ingest progress; every method does nothing unless overridden."""

    def started(self, inputs: int, total_bytes: int) -> None: ...
    def advanced(self, nbytes: int) -> None: ...
    def rejected(self, item: Rejected) -> None: ...
    def stored(self, article: Article, outcome: StoredOutcome) -> None: ...


class Corpus:
    """`Corpus("news.db").ingest(["feeds/", "archive.jsonl"])`; also a context manager."""

    def __init__(self, db: str | os.PathLike[str] | None = None) -> None:
        self.db = open_database(db)
        self.store = ArticleStore(self.db)

    def ingest(
        self,
        paths: Iterable[str | os.PathLike[str]],
        options: ReadOptions = ReadOptions(),
        listener: IngestListener | None = None,
        near_duplicates: NearDuplicateOptions | None = NearDuplicateOptions(),
    ) -> IngestReport:
        """Read and store every input; each file (or batch of records) is stored in one transaction.

        With `near_duplicates` (the default), a new article that copies a stored one (syndicated wire
        copy) is kept and linked to it (`duplicate_of`); None skips the check.
        """
        matcher = NearDuplicates(near_duplicates) if near_duplicates is not None else None
        copies: list[tuple[int, int]] = []
        listener = listener or IngestListener()
        found = list(discover_inputs(os.fspath(path) for path in paths))
        specs = [item for item in found if isinstance(item, InputSpec)]
        listener.started(len(specs), sum(spec.size for spec in specs))
        ingested: list[int] = []
        duplicates: list[int] = []
        rejected: list[Rejected] = []

        def save(articles: list[Article], bad: list[Rejected]) -> None:
            for outcome, article in zip(self.store.save(articles, bad, matcher), articles, strict=True):
                (ingested if outcome.is_new else duplicates).append(outcome.id)
                if outcome.is_new and outcome.duplicate_of is not None:
                    copies.append((outcome.id, outcome.duplicate_of))
                listener.stored(article, outcome)
            for item in bad:
                rejected.append(item)
                listener.rejected(item)

        unreadable = [item for item in found if isinstance(item, Rejected)]
        if unreadable:
            save([], unreadable)
        for spec in specs:
            articles: list[Article] = []
            bad: list[Rejected] = []
            for item in read_input(spec, options, on_bytes=listener.advanced):
                (articles if isinstance(item, Article) else bad).append(item)  # type: ignore[arg-type]
                if len(articles) + len(bad) >= RECORD_BATCH_SIZE:
                    save(articles, bad)
                    articles, bad = [], []
            if articles or bad:
                save(articles, bad)
        return IngestReport(tuple(ingested), tuple(duplicates), tuple(rejected), tuple(copies))

    def get(self, article_id: int) -> StoredArticle:
        return self.store.get(article_id)

    def articles(self, query: ArticleQuery = ArticleQuery()) -> Iterator[StoredArticle]:
        return self.store.find(query)

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Corpus:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.close()
