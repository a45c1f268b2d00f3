"""Put stored articles into stories: the clustering pass that follows storing, one batch at a time.

Articles wait in the store without a story until this pass takes them, oldest publication first (ties broken
by content hash, so the order files were given in does not matter within one run). Each batch of articles,
the stories it changed and its embeddings are saved in one transaction: a kill leaves every article either in
a complete story or pending, and the next run takes the pending ones.

Several writers may ingest into one database at once (two `ingest` commands, the web app's uploads); their
articles are stored side by side, but clustering runs one at a time, and each run takes every pending
article, whoever stored it:

- A run holds the store's clustering lock (an OS file lock, see store.connection.WriterLock) from loading
  the first stories to saving its last batch. The clusterer keeps the stories it extends in memory from
  batch to batch, and one batch's choice depends on every story near its articles' dates, including those
  another run would open meanwhile; a check at saving time could see that a story it extends has changed,
  but not that one it should have joined has appeared. Holding the lock, a run is the only one to change
  stories, so its memory stays true, and the stories come out as one run over all the articles would make
  them. A run that waits for the lock stops waiting once no article is pending: the holder took its
  articles too, so an upload's request is not held up for the rest of a long ingest.
- New stories take their ids from the database when they are saved, inside the batch's transaction, never
  from a number counted at the start of the run.
- Saving checks that every story changed is still at the version it was read at and every article placed
  is still where it was (store.stories.save_batch). A writer that bypassed the lock (an older newsprism)
  makes that check fail: the batch is not saved, never merged with what the other writer saved, and the run
  forgets what it holds in memory and goes on from what is stored.
"""

from __future__ import annotations

import math
import sqlite3
from collections import Counter, OrderedDict
from collections.abc import Iterable, Sequence
from datetime import date

import numpy as np

from newsprism.listeners import ClusterListener
from newsprism.models import Article, ClusterReport
from newsprism.nlp.background import BackgroundEmbedder, TextEmbedder
from newsprism.store import ArticleStore
from newsprism.store.stories import (
    ClusteringBatch,
    FactKind,
    PendingArticle,
    StoredFact,
    StoredStoryState,
    StoryConflictError,
    StoryStore,
)
from newsprism.stories.clusterer import AGE, DAY, FULL_NAME, PLACE, StoryClusterer, StoryState
from newsprism.stories.embedder import ClusteringEmbedder, load_clustering_embedder
from newsprism.stories.options import ClusterOptions
from newsprism.stories.signals import StorySignals, story_signals, story_text
from newsprism.stories.term_vectors import TermVector

CLUSTER_BATCH_SIZE = 500
# Undated articles can join any undated story; only this many of the most recent are considered.
UNDATED_STORIES = 5_000
# Name counts kept in memory between batches; beyond this they are dropped and read again as needed.
MAX_CACHED_NAMES = 200_000
# Stories are loaded for a span of dates wider than one batch needs, so a date-ordered corpus reloads rarely.
LOAD_AHEAD_DAYS = 30
# Story signals of this many new articles are kept in memory from storing to clustering (about 3 KB each).
MAX_KEPT_SIGNALS = 50_000
# ... and of this many just clustered, for the test of a grown story for two events (its members are recent).
RECENT_SIGNALS = 10_000
# Batches in a row whose saving may find the stories changed by another writer before the run gives up.
MAX_CONFLICTS = 5
# The clusterer keeps a story's facts as prefixed keys of its entity counter ("age:24"); the store keeps the
# kind apart from the value. A name the articles mention is a key without a prefix.
_PREFIX_OF_KIND: dict[FactKind, str] = {
    "entity": "",
    "full_name": FULL_NAME,
    "age": AGE,
    "place": PLACE,
    "day": DAY,
}
_KIND_OF_PREFIX = {prefix: kind for kind, prefix in _PREFIX_OF_KIND.items() if prefix}


class StoryPreparation:
    """Clustering work done while ingest stores articles: their story signals, and their embeddings on a
    worker thread, so that embedding overlaps with reading and storing instead of following it."""

    def __init__(self, stories: StoryStore) -> None:
        self.signals: dict[int, StorySignals] = {}  # what clustering need not compute again, by article id
        self._stories = stories
        self._embeddings = BackgroundEmbedder(load_clustering_embedder)

    def add(self, stored: Sequence[tuple[int, Article, bool]]) -> None:
        """Prepare newly stored (article id, article, is a copy); save the embeddings finished so far."""
        # Texts go to the embedder first, so that it works while the signals are computed here. A copy is
        # not embedded: it is clustered with its original's embedding.
        originals = [(article_id, article) for article_id, article, is_copy in stored if not is_copy]
        finished = self._embeddings.submit(
            [article_id for article_id, _ in originals], [story_text(article) for _, article in originals]
        )
        for article_id, article, _ in stored:
            if len(self.signals) >= MAX_KEPT_SIGNALS:
                break
            self.signals[article_id] = story_signals(article)
        self._stories.save_embeddings(finished)

    def finish(self) -> None:
        """Wait for the last embeddings and save them."""
        self._stories.save_embeddings(self._embeddings.finish())

    def close(self) -> None:
        self._embeddings.close()


class StoryBuilder:
    """Cluster every pending article of a store into stories, keeping story ids stable."""

    def __init__(
        self,
        db: sqlite3.Connection,
        options: ClusterOptions = ClusterOptions(),
        embedder: TextEmbedder | None = None,
        signals: dict[int, StorySignals] | None = None,
    ) -> None:
        """`signals` holds signals already computed for some article ids (by ingest); they are used up."""
        self.options = options
        self._precomputed = signals if signals is not None else {}
        self._recent: OrderedDict[int, StorySignals] = OrderedDict()
        self.articles = ArticleStore(db)
        self.stories = StoryStore(db)
        self._embedder = ClusteringEmbedder(embedder)
        self._clusterer: StoryClusterer | None = None
        self._loaded_span: tuple[int, int] | None = None  # day ordinals whose stories are all in memory
        self._undated_loaded = False
        self._versions: dict[int, int] = {}  # the stored version of each story in memory

    def run(self, listener: ClusterListener | None = None, *, rebuild: bool = False) -> ClusterReport:
        """Cluster every pending article (with `rebuild`, every article, in new stories; ids start again)."""
        if not rebuild and not self.stories.has_pending():
            return ClusterReport()
        lock = self.stories.clustering_lock()
        if not lock.acquire(stop_waiting=lambda: not rebuild and not self.stories.has_pending()):
            return ClusterReport()
        try:
            if rebuild:
                self.stories.forget_all()
            return self._run(listener or ClusterListener())
        finally:
            lock.release()

    def _run(self, listener: ClusterListener) -> ClusterReport:
        pending = self.stories.pending_count()
        if not pending:
            return ClusterReport()
        listener.clustering_started(pending)
        self._start_afresh()
        placed = new_stories = conflicts = 0
        while batch := self.stories.pending(CLUSTER_BATCH_SIZE):
            try:
                new_stories += self._cluster(batch)
            except StoryConflictError:
                conflicts += 1
                if conflicts >= MAX_CONFLICTS:
                    raise
                self._start_afresh()
                continue
            conflicts = 0
            placed += len(batch)
            listener.clustered(len(batch))
        return ClusterReport(placed, new_stories)

    def _start_afresh(self) -> None:
        """Forget every story in memory: the next batch loads what it needs from the store."""
        self._clusterer = StoryClusterer(
            self.options,
            self._embedder,
            articles_seen=self.stories.clustered_count(),
            provisional_ids=True,
        )
        self._loaded_span = None
        self._undated_loaded = False
        self._versions = {}

    def _cluster(self, batch: list[PendingArticle]) -> int:
        """Place a batch of pending articles and save it; returns how many stories it opened."""
        assert self._clusterer is not None
        clusterer = self._clusterer
        signals = [self._signals(item.id) for item in batch]
        self._remember(batch, signals)
        self._load_stories_for(signals)
        self._load_follow_up_stories(signals)
        names = {name for item in signals for name in item.entities} - clusterer.entity_counts.keys()
        clusterer.preload_entity_counts(self.stories.entity_counts(names))
        vectors, computed = self._vectors(batch, signals)
        story_ids = [clusterer.assign(vector, item) for vector, item in zip(vectors, signals, strict=True)]
        moves = self._split_grown_stories(batch, vectors, signals, story_ids)
        changed = [
            _stored_state(clusterer.stories[story_id], keys, self._versions.get(story_id, 0))
            for story_id, keys in sorted(clusterer.changed.items())
        ]
        # Saved in the order they were opened (-1, -2, ...), so that story ids count up with their dates.
        opened = [state for state in reversed(changed) if state.id not in self._versions]
        stored_ids = self.stories.save_batch(
            ClusteringBatch(
                stories=[state for state in changed if state.id in self._versions],
                new_stories=opened,
                assignments=list(zip((item.id for item in batch), story_ids, strict=True)),
                moves=moves,
                embeddings=computed,
                entity_counts=clusterer.new_entity_counts.copy(),
            )
        )
        for story_id in clusterer.changed:
            if story_id in self._versions:
                self._versions[story_id] += 1
        self._versions.update(dict.fromkeys(stored_ids.values(), 1))
        clusterer.renumber(stored_ids)
        clusterer.changed.clear()
        clusterer.new_entity_counts.clear()
        if len(clusterer.entity_counts) > MAX_CACHED_NAMES:
            clusterer.entity_counts.clear()
        return len(stored_ids)

    def _split_grown_stories(
        self,
        batch: list[PendingArticle],
        vectors: np.ndarray,
        signals: list[StorySignals],
        story_ids: list[int],
    ) -> list[tuple[int, int, int]]:
        """Test the stories that grew past a test size in this batch for two events (see stories/split.py)
        and cut those that hold several. The batch's own articles get their new story in `story_ids`;
        returns the stored articles that moved, as (article id, from story, to story)."""
        assert self._clusterer is not None
        joined = Counter(story_ids)
        moved: list[tuple[int, int, int]] = []
        for story_id, count in sorted(joined.items()):
            size = self._clusterer.stories[story_id].size
            if not reaches_test_size(size - count, size, self.options):
                continue
            in_batch = [index for index, owner in enumerate(story_ids) if owner == story_id]
            stored = self.stories.members(story_id)
            members = [self._signals(item.id) for item in stored]
            member_vectors = vectors[in_batch]
            if stored:
                member_vectors = np.concatenate([self._vectors(stored, members)[0], member_vectors])
            members += [signals[index] for index in in_batch]
            owners = self._clusterer.cut_into_events(story_id, member_vectors, members)
            stored_owners = zip((item.id for item in stored), owners[: len(stored)], strict=True)
            moved += [(article, story_id, owner) for article, owner in stored_owners if owner != story_id]
            for index, owner in zip(in_batch, owners[len(stored) :], strict=True):
                story_ids[index] = owner
        return moved

    def _signals(self, article_id: int) -> StorySignals:
        known = self._precomputed.pop(article_id, None) or self._recent.get(article_id)
        return known if known is not None else story_signals(self.articles.get(article_id).article)

    def _remember(self, batch: list[PendingArticle], signals: list[StorySignals]) -> None:
        """Keep the signals of the latest RECENT_SIGNALS articles clustered."""
        self._recent.update(zip((item.id for item in batch), signals, strict=True))
        while len(self._recent) > RECENT_SIGNALS:
            self._recent.popitem(last=False)

    def _vectors(
        self, batch: list[PendingArticle], signals: list[StorySignals]
    ) -> tuple[np.ndarray, list[tuple[int, np.ndarray]]]:
        """Stored embeddings where there are any (a copy reuses its original's), the model for the rest."""
        wanted = [item.id for item in batch] + [item.duplicate_of for item in batch if item.duplicate_of]
        stored = self.stories.embeddings(wanted)
        rows: list[np.ndarray | None] = [
            stored.get(item.id) if item.id in stored else stored.get(item.duplicate_of or -1)
            for item in batch
        ]
        missing = [index for index, row in enumerate(rows) if row is None]
        computed: list[tuple[int, np.ndarray]] = []
        if missing:
            fresh = self._embedder.embed([signals[index].text for index in missing])
            for index, vector in zip(missing, fresh, strict=True):
                rows[index] = vector
                computed.append((batch[index].id, vector))
        return np.stack([row for row in rows if row is not None]), computed

    def _load_stories_for(self, signals: list[StorySignals]) -> None:
        """Bring into memory every stored story these articles could join; forget the rest."""
        assert self._clusterer is not None
        clusterer = self._clusterer
        if not self._undated_loaded and any(item.published is None for item in signals):
            self._restore(self.stories.undated_story_ids(UNDATED_STORIES))
            self._undated_loaded = True
        days = [item.published.toordinal() for item in signals if item.published]
        if len(days) < len(signals) and (latest := self.stories.latest_date()) is not None:
            # An undated article may join any story of the latest days, as it would within one run.
            days.append(latest.toordinal())
        if not days:
            return
        needed = (min(days) - self.options.reach_days, max(days) + self.options.window_days)
        span = self._loaded_span
        if span is not None and span[0] <= needed[0] and needed[1] <= span[1]:
            return
        low, high = needed[0], needed[1] + LOAD_AHEAD_DAYS
        clusterer.evict(
            story_id
            for story_id, state in clusterer.stories.items()
            if state.last_date is None or _overlaps(state.first_date, state.last_date, low, high)
        )
        self._versions = {story_id: self._versions[story_id] for story_id in clusterer.stories}
        missing = [
            story_id
            for story_id in self.stories.story_ids_between(_date(low), _date(high))
            if story_id not in clusterer.stories
        ]
        self._restore(missing)
        self._loaded_span = (low, high)

    def _load_follow_up_stories(self, signals: list[StorySignals]) -> None:
        """Bring back the older stories that alone name someone these dated articles name (a trial months
        after a shooting); tell the clusterer which of their full names several stories share."""
        assert self._clusterer is not None
        clusterer = self._clusterer
        if len(clusterer.shared_full_names) > MAX_CACHED_NAMES:
            clusterer.shared_full_names.clear()
        # A name known to be shared stays shared: no need to ask again.
        names = {name for item in signals if item.published for name in item.full_names}
        names -= clusterer.shared_full_names
        if not names:
            return
        only_namers: set[int] = set()
        for name, story_ids in self.stories.stories_naming(names).items():
            if len(story_ids) > 1:
                clusterer.shared_full_names.add(name)
            else:
                only_namers.add(story_ids[0])
        # A story that ended more than follow_up_days before the batch's earliest article can take none of
        # them: loading it would only cost, and more so the older the corpus grows.
        earliest = min(item.published for item in signals if item.published)
        reachable = self.stories.stories_ending_since(
            sorted(only_namers - clusterer.stories.keys()),
            _date(earliest.toordinal() - self.options.follow_up_days),
        )
        self._restore(reachable)

    def _restore(self, story_ids: Sequence[int]) -> None:
        """Bring these stored stories into the clusterer's memory."""
        assert self._clusterer is not None
        for stored in self.stories.story_states(story_ids):
            if stored.id not in self._clusterer.stories:
                self._versions[stored.id] = stored.version
                self._clusterer.restore(_story_state(stored))


def reaches_test_size(before: int, after: int, options: ClusterOptions) -> bool:
    """Whether a story that grew from `before` to `after` articles is due a test for two events: at
    split_min_size articles, then each time it has grown by half (5, 8, 12, 18, ...), up to split_max_size."""
    if after > options.split_max_size:
        return False
    size = options.split_min_size
    while size <= after:
        if size > before:
            return True
        size = math.ceil(size * 1.5)
    return False


def _story_state(stored: StoredStoryState) -> StoryState:
    """A stored story as the clusterer keeps it."""
    return StoryState(
        id=stored.id,
        title=stored.title,
        vector_sum=stored.vector_sum.copy(),  # the clusterer adds its members' vectors in place
        entities=Counter({_PREFIX_OF_KIND[fact.kind] + fact.value: fact.articles for fact in stored.facts}),
        terms=TermVector.from_bytes(stored.terms),
        first_date=stored.first_date,
        last_date=stored.last_date,
        size=stored.size,
    )


def _stored_state(state: StoryState, changed_keys: Iterable[str], version: int) -> StoredStoryState:
    """A story to save, with the counts of the entity keys that changed (zero for those it lost) and the
    stored version they were computed from."""
    return StoredStoryState(
        id=state.id,
        title=state.title,
        vector_sum=state.vector_sum,
        terms=state.terms.to_bytes(),
        first_date=state.first_date,
        last_date=state.last_date,
        size=state.size,
        facts=tuple(_stored_fact(key, state.entities[key]) for key in sorted(changed_keys)),
        version=version,
    )


def _stored_fact(key: str, articles: int) -> StoredFact:
    prefix, colon, value = key.partition(":")
    kind = _KIND_OF_PREFIX.get(prefix + colon)
    return StoredFact(kind, value, articles) if kind else StoredFact("entity", key, articles)


def _overlaps(first: date | None, last: date, low: int, high: int) -> bool:
    return last.toordinal() >= low and (first is None or first.toordinal() <= high)


def _date(ordinal: int) -> date:
    return date.fromordinal(max(ordinal, 1))

