"""Online story clustering: each new article joins the best recent story about its event, or opens one.

The clusterer keeps in memory only the stories an incoming article could join (those near its date); the
caller restores older ones from the store and evicts them again, so the cost per article stays flat.

Look-alike events (two shootings on the same night, two earthquakes on one island) embed almost alike, so the
score also weighs facts of the lead: a different victim age, town or day counts against a join. A story keeps
these facts as prefixed keys of its `entities` counter ("age:24", "place:dayton", "day:2026-03-14"); the store
keeps each as a kind and a value (stories/builder.py translates). Its full names ("name:kareem mano") are kept
the same way, so that the store can find the story again when a trial is reported months later.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

import numpy as np

from newsprism.models import Article
from newsprism.nlp.background import TextEmbedder
from newsprism.stories.embedder import ClusteringEmbedder
from newsprism.stories.options import ClusterOptions
from newsprism.stories.signals import StorySignals, story_signals
from newsprism.stories.split import split_events
from newsprism.stories.term_vectors import TermVector

EMBEDDING_DIM = 384
# A name shared by this many stories (a big city, "police") is no way to find the one an article belongs to.
MAX_POSTINGS = 40
_NO_DAY = np.iinfo(np.int32).min
# The story id of a free slot: no story's, provisional ids being negative.
_FREE_SLOT = np.iinfo(np.int64).min
AGE, PLACE, DAY, FULL_NAME = "age:", "place:", "day:", "name:"
_FACT_PREFIXES = (AGE, PLACE, DAY, FULL_NAME)


@dataclass
class StoryFacts:
    """The ages, place words and days (ordinals) a story's articles mention, for quick comparison."""

    ages: set[int] = field(default_factory=set)
    places: set[str] = field(default_factory=set)
    days: set[int] = field(default_factory=set)

    @classmethod
    def of(cls, entities: Counter[str]) -> StoryFacts:
        """Read the facts back from the prefixed keys of a story's entity counter."""
        facts = cls()
        for key in entities:
            if key.startswith(AGE):
                facts.ages.add(int(key.removeprefix(AGE)))
            elif key.startswith(PLACE):
                facts.places.add(key.removeprefix(PLACE))
            elif key.startswith(DAY):
                facts.days.add(date.fromisoformat(key.removeprefix(DAY)).toordinal())
        return facts

    def add(self, signals: StorySignals) -> list[str]:
        """Take in one article's facts; return them, and its full names, as entity keys."""
        self.ages.update(signals.ages)
        self.places.update(signals.places)
        self.days.update(day.toordinal() for day in signals.days)
        return (
            [f"{AGE}{age}" for age in signals.ages]
            + [f"{PLACE}{place}" for place in signals.places]
            + [f"{DAY}{day.isoformat()}" for day in signals.days]
            + [f"{FULL_NAME}{name}" for name in signals.full_names]
        )


@dataclass
class StoryState:
    """What the clusterer remembers of one story."""

    id: int
    title: str
    vector_sum: np.ndarray  # float32 sum of the members' unit embeddings
    entities: Counter[str] = field(default_factory=Counter)
    terms: TermVector = field(default_factory=TermVector.empty)  # sum of the members' word vectors
    first_date: date | None = None
    last_date: date | None = None
    size: int = 0

    @property
    def centroid(self) -> np.ndarray:
        norm = float(np.linalg.norm(self.vector_sum))
        return (self.vector_sum / max(norm, 1e-12)).astype(np.float32)


class StoryClusterer:
    """Assign articles to stories incrementally; story ids are stable and never reused.

    `stories` holds the stories in memory; `changed` maps the ids of those changed since the caller last
    cleared it to the entity keys whose counts changed; `entity_counts` how many articles mention each name
    (preload them with `preload_entity_counts` when resuming from a store) and `new_entity_counts` this
    run's additions.

    New stories are numbered from `next_id` up; with `provisional_ids`, they are numbered -1, -2, ... instead,
    until the store that saves them gives them their ids (`renumber`).
    """

    def __init__(
        self,
        options: ClusterOptions = ClusterOptions(),
        embedder: TextEmbedder | None = None,
        *,
        next_id: int = 0,
        articles_seen: int = 0,
        provisional_ids: bool = False,
    ) -> None:
        self.options = options
        self.stories: dict[int, StoryState] = {}
        self.changed: dict[int, set[str]] = {}
        self.entity_counts: Counter[str] = Counter()
        self.new_entity_counts: Counter[str] = Counter()
        self._embedder = ClusteringEmbedder(embedder)
        self._next_id = -1 if provisional_ids else next_id
        self._provisional_ids = provisional_ids
        self._articles_seen = articles_seen
        self._newest_day: int | None = None
        # Per-slot arrays so candidate stories are found with vector operations, not a Python loop.
        self._slot_of: dict[int, int] = {}
        self._free_slots: list[int] = []
        self._slot_story = np.full(0, _FREE_SLOT, dtype=np.int64)
        self._first_day = np.full(0, _NO_DAY, dtype=np.int32)
        self._last_day = np.full(0, _NO_DAY, dtype=np.int32)
        self._centroids = np.zeros((0, EMBEDDING_DIM), dtype=np.float32)
        self._stories_by_entity: dict[str, list[int]] = {}
        self._facts: dict[int, StoryFacts] = {}
        # Full names that stories out of memory share (the store says so): no way to a year-old story.
        self.shared_full_names: set[str] = set()

    def add(self, articles: Sequence[Article]) -> list[int]:
        """Return the story id of each article, in order, after adding them one by one."""
        if not articles:
            return []
        signals = [story_signals(article) for article in articles]
        vectors = self._embedder.embed([item.text for item in signals])
        return [self.assign(vector, item) for vector, item in zip(vectors, signals, strict=True)]

    def assign(self, vector: np.ndarray, signals: StorySignals) -> int:
        """Place one article (its embedding and signals) and return the id of the story it joins."""
        self._articles_seen += 1
        self.entity_counts.update(signals.entities)
        self.new_entity_counts.update(signals.entities)
        day = signals.published.toordinal() if signals.published else None
        if day is not None and (self._newest_day is None or day > self._newest_day):
            self._newest_day = day
        recent = self._recent_slots(day)
        late = self._late_slots(signals, day, recent)
        slots = np.concatenate([recent, late])
        best_id, best_score = -1, -math.inf
        if len(slots):
            cosines = np.concatenate([self._cosines(recent, vector), self._cosines(late, vector)])
            margins = np.zeros(len(slots), dtype=np.float32)
            margins[len(recent) :] = self.options.late_margin
            leads = cosines - margins
            weights = {name: self._idf(name) for name in signals.entities}
            total_weight = sum(weights.values())
            nearest = _nearest(leads, self.options.candidates)
            story_ids = [int(story_id) for story_id in self._slot_story[slots[nearest]]]
            term_cosines = signals.terms.cosines([self.stories[story_id].terms for story_id in story_ids])
            for index, story_id, term_cosine in zip(nearest, story_ids, term_cosines, strict=True):
                score = (
                    float(leads[index])
                    + self._entity_bonus(weights, total_weight, story_id)
                    + self._fact_score(signals, story_id)
                    + self.options.term_weight * float(term_cosine)
                )
                if score > best_score:
                    best_id, best_score = story_id, score
        if best_score < self.options.threshold:
            best_id = self._open_story(signals.title, vector.shape[0])
        self._join(best_id, vector, signals)
        return best_id

    def cut_into_events(
        self, story_id: int, vectors: np.ndarray, members: Sequence[StorySignals]
    ) -> list[int]:
        """Cut a story that holds several events (see stories/split.py) and return each member's story id.

        `vectors` and `members` are the story's members in arrival order. The event of the first keeps the
        story's id and title; each other event opens a story titled after its earliest member.
        """
        groups = split_events(vectors, members, self.options)
        if len(groups) == 1:
            return [story_id] * len(members)
        old = self.stories[story_id]
        for name in _indexed_keys(old.entities):
            postings = self._stories_by_entity.get(name, [])
            if story_id in postings:
                postings.remove(story_id)
        state = StoryState(story_id, old.title, np.zeros_like(old.vector_sum))
        self.stories[story_id] = state
        self._facts[story_id] = StoryFacts()
        # Every key the story had changes: those it no longer has are saved with a count of zero.
        self.changed.setdefault(story_id, set()).update(old.entities)
        owners = [story_id] * len(members)
        for number, group in enumerate(groups):
            owner = story_id if number == 0 else self._open_story(members[group[0]].title, vectors.shape[1])
            for index in group:
                self._join(owner, vectors[index], members[index])
                owners[index] = owner
        return owners

    def restore(self, state: StoryState) -> None:
        """Take a story back into memory (from the store); a story already in memory is kept as it is."""
        if state.id in self._slot_of:
            return
        self.stories[state.id] = state
        if not self._provisional_ids:
            self._next_id = max(self._next_id, state.id + 1)
        self._place(state)
        self._facts[state.id] = StoryFacts.of(state.entities)
        for name in _indexed_keys(state.entities):
            self._stories_by_entity.setdefault(name, []).append(state.id)

    def renumber(self, stored_ids: Mapping[int, int]) -> None:
        """Give stories the ids the store gave them when it saved them (provisional id -> stored id)."""
        for old, new in stored_ids.items():
            state = self.stories.pop(old)
            state.id = new
            self.stories[new] = state
            self._facts[new] = self._facts.pop(old)
            slot = self._slot_of.pop(old)
            self._slot_of[new] = slot
            self._slot_story[slot] = new
            if old in self.changed:
                self.changed[new] = self.changed.pop(old)
            for name in _indexed_keys(state.entities):
                postings = self._stories_by_entity.get(name, [])
                postings[:] = [new if story_id == old else story_id for story_id in postings]

    def evict(self, keep: Iterable[int] = ()) -> None:
        """Forget every story except `keep` (changes must have been saved first)."""
        kept = set(keep)
        for story_id in [story_id for story_id in self.stories if story_id not in kept]:
            del self.stories[story_id]
            del self._facts[story_id]
            slot = self._slot_of.pop(story_id)
            self._slot_story[slot] = _FREE_SLOT
            self._free_slots.append(slot)
        self.changed = {story_id: keys for story_id, keys in self.changed.items() if story_id in kept}
        self._stories_by_entity = {}
        for story_id, state in self.stories.items():
            for name in _indexed_keys(state.entities):
                self._stories_by_entity.setdefault(name, []).append(story_id)

    def preload_entity_counts(self, counts: Mapping[str, int]) -> None:
        """Article counts per name from earlier runs; names already counted in memory are left alone."""
        for name, count in counts.items():
            if name not in self.entity_counts:
                self.entity_counts[name] = count


    def _recent_slots(self, day: int | None) -> np.ndarray:
        """Slots of stories whose dates allow this article; undated ones see every recent story."""
        used = self._slot_story != _FREE_SLOT
        undated = self._last_day == _NO_DAY
        window = self.options.window_days
        if day is None:
            if self._newest_day is None:
                return np.flatnonzero(used)
            return np.flatnonzero(used & (undated | (self._newest_day - self._last_day <= window)))
        in_window = (
            (day - self._last_day <= window)
            & (day - self._first_day <= self.options.span_days)
            & (self._first_day - day <= window)
        )
        return np.flatnonzero(used & (undated | in_window))

    def _cosines(self, slots: np.ndarray, vector: np.ndarray) -> np.ndarray:
        """Cosines between the vector and the centroids in these slots.

        np.vecdot runs numpy's own loop on this thread; `@` hands the product to OpenBLAS, whose threads
        fight the caller for two busy cores: on the 10k scale corpus, with the machine also running another
        job, the clusterer took 32 s with `@` and 15 s with vecdot (or with OPENBLAS_NUM_THREADS=1).
        """
        if not len(slots):
            return np.zeros(0, dtype=np.float32)
        low, high = int(slots.min()), int(slots.max()) + 1
        # Stories opened in the same days sit in nearby slots: one product over their span (a view) is
        # cheaper than copying a thousand scattered rows first (10k: 1,244 recent slots over 1,380).
        if high - low <= 2 * len(slots):
            return np.vecdot(self._centroids[low:high], vector)[slots - low]
        return np.vecdot(self._centroids[slots], vector)

    def _late_slots(self, signals: StorySignals, day: int | None, recent: np.ndarray) -> np.ndarray:
        """Older stories that share a not-too-common name with the article: up to memory_days old, or up to
        follow_up_days through a full name that only one story has."""
        if day is None:
            return np.zeros(0, dtype=np.int64)
        found: set[int] = set()
        for name in signals.entities:
            postings = self._stories_by_entity.get(name, ())
            if len(postings) <= MAX_POSTINGS:
                found.update(postings)
        only_namers = set()
        for name in signals.full_names - self.shared_full_names:
            postings = self._stories_by_entity.get(f"{FULL_NAME}{name}", [])
            if len(postings) == 1:
                only_namers.add(postings[0])
        recent_set = set(recent.tolist())
        late = []
        for story_id in sorted(found | only_namers):
            slot = self._slot_of[story_id]
            last = int(self._last_day[slot])
            if slot in recent_set or last == _NO_DAY or day < last:
                continue
            if day - last <= self.options.memory_days or (
                story_id in only_namers and day - last <= self.options.follow_up_days
            ):
                late.append(slot)
        return np.asarray(late, dtype=np.int64)

    def _idf(self, name: str) -> float:
        """Rarer entities say more about which event an article reports."""
        return math.log((1 + self._articles_seen) / (1 + self.entity_counts[name])) + 1.0

    def _entity_bonus(self, weights: dict[str, float], total_weight: float, story_id: int) -> float:
        """Entity weight times the idf-weighted share of the article's entities already in the story; minus
        `no_shared_name_penalty` when the article names people and places of which the story has none."""
        if total_weight <= 0.0:
            return 0.0
        story_entities = self.stories[story_id].entities
        shared = sum(weights[name] for name in weights.keys() & story_entities.keys())
        if shared <= 0.0:
            return -self.options.no_shared_name_penalty
        return self.options.entity_weight * shared / total_weight

    def _fact_score(self, signals: StorySignals, story_id: int) -> float:
        """Penalties for ages, places or days the story contradicts; bonuses for an age or place it shares."""
        facts = self._facts[story_id]
        options = self.options
        score = 0.0
        if signals.ages and facts.ages:
            score += options.age_bonus if signals.ages & facts.ages else -options.age_penalty
        if signals.places and facts.places:
            score += options.place_bonus if signals.places & facts.places else -options.place_penalty
        if signals.days and facts.days:
            tolerance = options.day_tolerance
            days = [day.toordinal() for day in signals.days]
            if not any(abs(day - other) <= tolerance for day in days for other in facts.days):
                score -= options.day_penalty
        return score

    def _open_story(self, title: str, dimensions: int) -> int:
        """Create an empty story and return its id."""
        story_id = self._next_id
        self._next_id += -1 if self._provisional_ids else 1
        state = StoryState(story_id, title, np.zeros(dimensions, dtype=np.float32))
        self.stories[story_id] = state
        self._place(state)
        self._facts[story_id] = StoryFacts()
        return story_id

    def _place(self, state: StoryState) -> None:
        """Give a story a slot in the candidate arrays."""
        if not self._free_slots:
            self._grow()
        slot = self._free_slots.pop()
        self._slot_of[state.id] = slot
        self._slot_story[slot] = state.id
        self._write_slot(slot, state)

    def _grow(self) -> None:
        """Double the slot arrays; the new slots are free, lowest first."""
        old = len(self._slot_story)
        added = max(old, 64)
        self._slot_story = np.concatenate([self._slot_story, np.full(added, _FREE_SLOT, dtype=np.int64)])
        self._first_day = np.concatenate([self._first_day, np.full(added, _NO_DAY, dtype=np.int32)])
        self._last_day = np.concatenate([self._last_day, np.full(added, _NO_DAY, dtype=np.int32)])
        self._centroids = np.vstack([self._centroids, np.zeros((added, EMBEDDING_DIM), dtype=np.float32)])
        self._free_slots.extend(range(old + added - 1, old - 1, -1))

    def _write_slot(self, slot: int, state: StoryState) -> None:
        self._first_day[slot] = state.first_date.toordinal() if state.first_date else _NO_DAY
        self._last_day[slot] = state.last_date.toordinal() if state.last_date else _NO_DAY
        self._centroids[slot] = state.centroid if state.size else 0.0

    def _join(self, story_id: int, vector: np.ndarray, signals: StorySignals) -> None:
        """Add one article's signals to a story."""
        state = self.stories[story_id]
        state.vector_sum += vector
        fact_keys = self._facts[story_id].add(signals)
        for name in [*signals.entities, *(key for key in fact_keys if key.startswith(FULL_NAME))]:
            if name not in state.entities:
                self._stories_by_entity.setdefault(name, []).append(story_id)
        state.entities.update(signals.entities)
        state.entities.update(fact_keys)
        state.terms = state.terms.plus(signals.terms)
        state.size += 1
        if signals.published is not None:
            state.first_date = min(filter(None, (state.first_date, signals.published)))
            state.last_date = max(filter(None, (state.last_date, signals.published)))
        self._write_slot(self._slot_of[story_id], state)
        self.changed.setdefault(story_id, set()).update(signals.entities, fact_keys)


def _nearest(scores: np.ndarray, count: int) -> np.ndarray:
    """Indices of the `count` highest scores."""
    if len(scores) <= count:
        return np.arange(len(scores))
    return np.argpartition(scores, -count)[-count:]


def _indexed_keys(entities: Counter[str]) -> list[str]:
    """The keys a story is found by: its names, and its full names as "name:" keys."""
    return [key for key in entities if key.startswith(FULL_NAME) or not key.startswith(_FACT_PREFIXES)]
