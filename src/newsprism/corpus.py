"""A corpus of stored articles: ingest inputs into it, read articles back."""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from types import TracebackType
from typing import TYPE_CHECKING, Any

from newsprism.config import MAX_ID
from newsprism.errors import NotFoundError
from newsprism.ingest.options import ReadOptions
from newsprism.listeners import ClusterListener, IngestListener
from newsprism.models import (
    Article,
    ClusterReport,
    IngestReport,
    Rejected,
    StoredArticle,
    Story,
    StoryComparison,
    StoryMember,
)
from newsprism.store import ArticleQuery, ArticleStore, open_database
from newsprism.store.stories import StoryQuery, StoryStore
from newsprism.stories.options import ClusterOptions, NearDuplicateOptions
from newsprism.version import __version__

if TYPE_CHECKING:
    from newsprism.comparison.options import CompareOptions
    from newsprism.stories.builder import StoryPreparation
    from newsprism.stories.near_duplicates import NearDuplicates

__all__ = ["Corpus", "IngestListener"]

# Records of a JSONL/CSV archive are committed in batches of this many, so a kill mid-file
# loses at most one batch of work, and a rerun skips what was stored by content hash.
RECORD_BATCH_SIZE = 500
# A file's first batches are small and grow to RECORD_BATCH_SIZE, so that embedding for stories (on a worker
# thread, fed batch by batch) starts while the rest of the file is read, not after its first 500 records.
FIRST_RECORD_BATCH_SIZE = 32


class Corpus:
    """`Corpus("news.db").ingest(["feeds/", "archive.jsonl"])`; also a context manager."""

    def __init__(self, db: str | os.PathLike[str] | None = None) -> None:
        self.db = open_database(db)
        self.store = ArticleStore(self.db)
        self.story_store = StoryStore(self.db)

    def ingest(
        self,
        paths: Iterable[str | os.PathLike[str]],
        options: ReadOptions = ReadOptions(),
        listener: IngestListener | None = None,
        near_duplicates: NearDuplicateOptions | None = NearDuplicateOptions(),
        stories: ClusterOptions | None = ClusterOptions(),
    ) -> IngestReport:
        """Read and store every input; each file (or batch of records) is stored in one transaction.

        With `near_duplicates` (the default), a new article that copies a stored one (syndicated wire
        copy) is kept and linked to it (`duplicate_of`); None skips the check. With `stories` (the
        default), the stored articles are then clustered into stories (see `cluster`); None leaves them
        pending.
        """
        # Reading and clustering load their libraries and models here, not when the corpus is opened.
        from newsprism.stories.builder import StoryPreparation
        from newsprism.stories.near_duplicates import NearDuplicates

        matcher = NearDuplicates(near_duplicates) if near_duplicates is not None else None
        if matcher is not None and self.store.needs_near_duplicate_index():
            self.store.index_near_duplicates(matcher)
        # Stories are clustered once everything is stored; their signals and embeddings are made meanwhile.
        preparation = StoryPreparation(self.story_store) if stories is not None else None
        try:
            return self._ingest(paths, options, listener, matcher, preparation, stories)
        finally:
            if preparation is not None:
                preparation.close()

    def _ingest(
        self,
        paths: Iterable[str | os.PathLike[str]],
        options: ReadOptions,
        listener: IngestListener | None,
        matcher: NearDuplicates | None,
        preparation: StoryPreparation | None,
        stories: ClusterOptions | None,
    ) -> IngestReport:
        from newsprism.ingest.discover import InputSpec, discover_inputs
        from newsprism.ingest.reader import read_input
        from newsprism.stories.builder import StoryBuilder

        copies: list[tuple[int, int]] = []
        listener = listener or IngestListener()
        found = list(discover_inputs(os.fspath(path) for path in paths))
        specs = [item for item in found if isinstance(item, InputSpec)]
        listener.started(len(specs), sum(spec.size for spec in specs))
        ingested: list[int] = []
        duplicates: list[int] = []
        rejected: list[Rejected] = []

        def save(articles: list[Article], bad: list[Rejected]) -> None:
            new: list[tuple[int, Article, bool]] = []
            for outcome, article in zip(self.store.save(articles, bad, matcher), articles, strict=True):
                (ingested if outcome.is_new else duplicates).append(outcome.id)
                if outcome.is_new:
                    new.append((outcome.id, article, outcome.duplicate_of is not None))
                if outcome.is_new and outcome.duplicate_of is not None:
                    copies.append((outcome.id, outcome.duplicate_of))
                listener.stored(article, outcome)
            if preparation is not None:
                preparation.add(new)
            for item in bad:
                rejected.append(item)
                listener.rejected(item)

        unreadable = [item for item in found if isinstance(item, Rejected)]
        if unreadable:
            save([], unreadable)
        for spec in specs:
            articles: list[Article] = []
            bad: list[Rejected] = []
            batch_size = FIRST_RECORD_BATCH_SIZE
            for item in read_input(spec, options, on_bytes=listener.advanced):
                (articles if isinstance(item, Article) else bad).append(item)  # type: ignore[arg-type]
                if len(articles) + len(bad) >= batch_size:
                    save(articles, bad)
                    articles, bad = [], []
                    batch_size = min(2 * batch_size, RECORD_BATCH_SIZE)
            if articles or bad:
                save(articles, bad)
        clustered = ClusterReport()
        if preparation is not None and stories is not None:
            preparation.finish()
            clustered = StoryBuilder(self.db, stories, signals=preparation.signals).run(listener)
        return IngestReport(
            tuple(ingested), tuple(duplicates), tuple(rejected), tuple(copies), clustered.new_stories
        )

    def cluster(
        self, options: ClusterOptions = ClusterOptions(), listener: ClusterListener | None = None
    ) -> ClusterReport:
        """Put every article not yet in a story into one; existing stories keep their ids."""
        from newsprism.stories.builder import StoryBuilder

        return StoryBuilder(self.db, options).run(listener)

    def recluster(
        self, options: ClusterOptions = ClusterOptions(), listener: ClusterListener | None = None
    ) -> ClusterReport:
        """Cluster the whole corpus again from scratch, in publication order; story ids are renumbered."""
        from newsprism.stories.builder import StoryBuilder

        return StoryBuilder(self.db, options).run(listener, rebuild=True)

    def stories(self, query: StoryQuery = StoryQuery()) -> Iterator[Story]:
        return self.story_store.find(query)

    def story(self, story_id: int) -> Story:
        return self.story_store.get(_checked_id(story_id, "story"))

    def compare_story(self, story_id: int, options: CompareOptions | None = None) -> StoryComparison:
        """The comparison of a story's coverage, from the store's cache unless the story has changed.

        A syndicated copy whose original is in the story is left out of the sentence-by-sentence
        comparison (it would only repeat the original) and listed in `copies`.
        """
        from newsprism.comparison.options import CompareOptions
        from newsprism.comparison.pipeline import compare
        from newsprism.serialization import comparison_dict

        options = options or CompareOptions()
        story_id = _checked_id(story_id, "story")
        cached = self.cached_story_comparison(story_id, options)
        if cached is not None:
            return cached
        story, compared, copies = self._story_members(story_id)
        comparison = compare(compared, options)
        self.story_store.cache_comparison(
            story_id,
            _cache_key(options),
            story.version,
            json.dumps(comparison_dict(comparison), ensure_ascii=False),
        )
        return StoryComparison(story, comparison, copies)

    def cached_story_comparison(
        self, story_id: int, options: CompareOptions | None = None
    ) -> StoryComparison | None:
        """The stored comparison of the story as it is now, or None when it must be computed first."""
        from newsprism.comparison.options import CompareOptions
        from newsprism.serialization import comparison_from_dict

        story = self.story(story_id)
        cached = self.story_store.cached_comparison(
            story_id, _cache_key(options or CompareOptions()), story.version
        )
        if cached is None:
            return None
        story, compared, copies = self._story_members(story_id, story)
        by_id = {stored.id: stored.article for stored in compared}
        return StoryComparison(story, comparison_from_dict(json.loads(cached), by_id), copies, cached=True)

    def cached_comparison_data(
        self, story: Story, options: CompareOptions | None = None
    ) -> dict[str, Any] | None:
        """The stored comparison JSON of the story as it is now, parsed, or None; nothing is rebuilt."""
        from newsprism.comparison.options import CompareOptions

        key = _cache_key(options or CompareOptions())
        cached = self.story_store.cached_comparison(story.id, key, story.version)
        return json.loads(cached) if cached is not None else None

    def _story_members(
        self, story_id: int, story: Story | None = None
    ) -> tuple[Story, list[StoredArticle], tuple[StoryMember, ...]]:
        """The story, the articles to compare, and the copies left out because their original is there."""
        story = story or self.story(story_id)
        members = {member.id for member in story.articles}
        copies = tuple(member for member in story.articles if member.duplicate_of in members)
        compared = [self.get(member.id) for member in story.articles if member not in copies]
        return story, compared, copies

    def get(self, article_id: int) -> StoredArticle:
        return self.store.get(_checked_id(article_id, "article"))

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


def _cache_key(options: CompareOptions) -> str:
    """Cached comparisons are only reused by the same newsprism version with the same options."""
    return f"newsprism {__version__}; {options}"


def _checked_id(number: int, kind: str) -> int:
    if not 1 <= number <= MAX_ID:
        raise NotFoundError(f"no {kind} with id {number}")
    return number
