"""Online story clustering: each new article joins the best recent story about its event, or opens one."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Protocol

import numpy as np
from wordfreq import zipf_frequency

from newsprism.models import Article

LEAD_SENTENCES = 2
LEAD_MAX_CHARS = 320
# A capitalised single word this common in lower case ("Police", "Tuesday") names nothing in particular.
COMMON_WORD_ZIPF = 4.0
EMBEDDING_DIM = 384
# A name shared by this many stories (a big city, "police") is no way to find the one an article belongs to.
MAX_POSTINGS = 40

_CAPITALISED_RUN = re.compile(r"\b[A-Z][\w'.-]*[\w](?:\s+(?:[A-Z][\w'.-]*[\w]|[A-Z]))*")
_TITLE_SITE_SUFFIX = re.compile(r"\s+(?:\||::|-|–|—)\s+[^|:–—]{2,40}$")
_SENTENCE_START = re.compile(r"(?:^|[.!?:|]\s+|\n)$")
_POSSESSIVE = re.compile(r"'s?$")
# Calendar words are capitalised but say nothing about which event it was.
_CALENDAR = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thurs fri sat sun "
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec".split()
)


class TextEmbedder(Protocol):
    """Anything that turns texts into unit vectors, one row per text."""

    def embed(self, texts: Sequence[str]) -> np.ndarray: ...


@dataclass(frozen=True)
class ClusterOptions:
    """How alike an article must be to a story to join it, and how far back stories stay open."""

    threshold: float = 0.70  # minimum score (cosine to the centroid + entity bonus) to join a story
    window_days: int = 3  # a story takes articles up to this many days after its latest one
    entity_weight: float = 0.45  # score added when all of the article's weighted entities are in the story
    # Follow-ups (an arrest, a funeral, a trial) come weeks later; they may join an older story found through
    # a shared name, but only with this much more evidence.
    memory_days: int = 30
    late_margin: float = 0.2


@dataclass
class StoryState:
    """What the clusterer remembers of one story."""

    centroid: np.ndarray  # float32 unit vector: mean of the members' embeddings, renormalised
    entities: Counter[str] = field(default_factory=Counter)
    first_date: date | None = None
    last_date: date | None = None
    size: int = 0


@dataclass(frozen=True)
class _Signals:
    """The cheap per-article signals the clusterer compares."""

    entities: frozenset[str]
    published: date | None


class StoryClusterer:
    """Assign articles to stories incrementally; story ids are stable and never reused."""

    def __init__(
        self, options: ClusterOptions = ClusterOptions(), embedder: TextEmbedder | None = None
    ) -> None:
        self.options = options
        self.stories: dict[int, StoryState] = {}
        self._embedder = embedder
        self._sums = np.zeros((64, EMBEDDING_DIM), dtype=np.float32)
        self._centroids = np.zeros((64, EMBEDDING_DIM), dtype=np.float32)
        self._open: list[int] = []  # stories still inside the time window of the newest article seen
        self._newest: date | None = None
        self._entity_df: Counter[str] = Counter()
        self._stories_by_entity: dict[str, list[int]] = {}
        self._articles_seen = 0

    def add(self, articles: Sequence[Article]) -> list[int]:
        """Return the story id of each article, in order, after adding them one by one."""
        if not articles:
            return []
        vectors = self._embed([story_text(article) for article in articles])
        return [
            self._add_one(vector, _signals(article))
            for vector, article in zip(vectors, articles, strict=True)
        ]

    def _embed(self, texts: list[str]) -> np.ndarray:
        """Embed texts with the given embedder, or the packaged model loaded on first use."""
        if self._embedder is None:
            from newsprism.nlp.embeddings import default_embedder

            self._embedder = default_embedder()
        return np.asarray(self._embedder.embed(texts), dtype=np.float32)

    def _add_one(self, vector: np.ndarray, signals: _Signals) -> int:
        """Place one article and update the story it joins."""
        self._articles_seen += 1
        self._entity_df.update(signals.entities)
        self._close_old_stories(signals.published)
        best_id, best_score = -1, -math.inf
        recent = self._candidates(signals.published)
        late = self._late_candidates(signals, set(recent))
        candidates = recent + late
        if candidates:
            cosines = self._centroids[candidates] @ vector
            margins = np.zeros(len(candidates), dtype=np.float32)
            margins[len(recent) :] = self.options.late_margin
            # The entity bonus only matters near the threshold; computing it for all candidates is wasted.
            reachable = cosines - margins + self.options.entity_weight
            shortlist = np.flatnonzero(reachable >= self.options.threshold)
            weights = {name: self._idf(name) for name in signals.entities}
            total_weight = sum(weights.values())
            for index in shortlist:
                story_id = candidates[index]
                bonus = self._entity_bonus(weights, total_weight, story_id)
                score = float(cosines[index] - margins[index]) + bonus
                if score > best_score:
                    best_id, best_score = story_id, score
        if best_score < self.options.threshold:
            best_id = self._open_story(signals.published)
        self._join(best_id, vector, signals)
        return best_id

    def _candidates(self, published: date | None) -> list[int]:
        """Open stories whose dates allow this article; undated articles see every open story."""
        if published is None:
            return list(self._open)
        window = self.options.window_days
        return [
            story_id
            for story_id in self._open
            if (state := self.stories[story_id]).last_date is None
            or (
                (published - state.last_date).days <= window
                and state.first_date is not None
                and (state.first_date - published).days <= window
            )
        ]

    def _late_candidates(self, signals: _Signals, recent: set[int]) -> list[int]:
        """Older stories, within memory_days, that share a not-too-common name with the article."""
        if signals.published is None:
            return []
        found: set[int] = set()
        for name in signals.entities:
            postings = self._stories_by_entity.get(name, ())
            if len(postings) <= MAX_POSTINGS:
                found.update(postings)
        memory = self.options.memory_days
        return sorted(
            story_id
            for story_id in found - recent
            if (last := self.stories[story_id].last_date) is not None
            and 0 <= (signals.published - last).days <= memory
        )

    def _close_old_stories(self, published: date | None) -> None:
        """Drop stories too old for the newest date from the open list, so cost per article stays flat."""
        if published is None or (self._newest is not None and published <= self._newest):
            return
        self._newest = published
        window = self.options.window_days
        self._open = [
            story_id
            for story_id in self._open
            if (last := self.stories[story_id].last_date) is None or (published - last).days <= window
        ]

    def _idf(self, name: str) -> float:
        """Rarer entities say more about which event an article reports."""
        return math.log((1 + self._articles_seen) / (1 + self._entity_df[name])) + 1.0

    def _entity_bonus(self, weights: dict[str, float], total_weight: float, story_id: int) -> float:
        """Entity weight times the idf-weighted share of the article's entities already in the story."""
        if total_weight <= 0.0:
            return 0.0
        story_entities = self.stories[story_id].entities
        shared = sum(weight for name, weight in weights.items() if name in story_entities)
        return self.options.entity_weight * shared / total_weight

    def _open_story(self, published: date | None) -> int:
        """Create an empty story and return its id."""
        story_id = len(self.stories)
        if story_id >= len(self._sums):
            self._sums = np.vstack([self._sums, np.zeros_like(self._sums)])
            self._centroids = np.vstack([self._centroids, np.zeros_like(self._centroids)])
        self.stories[story_id] = StoryState(centroid=self._centroids[story_id])
        self._open.append(story_id)
        return story_id

    def _join(self, story_id: int, vector: np.ndarray, signals: _Signals) -> None:
        """Add one article's signals to a story."""
        state = self.stories[story_id]
        self._sums[story_id] += vector
        norm = float(np.linalg.norm(self._sums[story_id]))
        self._centroids[story_id] = self._sums[story_id] / max(norm, 1e-12)
        state.centroid = self._centroids[story_id].copy()
        for name in signals.entities:
            if name not in state.entities:
                self._stories_by_entity.setdefault(name, []).append(story_id)
        state.entities.update(signals.entities)
        state.size += 1
        if signals.published is not None:
            state.first_date = min(filter(None, (state.first_date, signals.published)))
            state.last_date = max(filter(None, (state.last_date, signals.published)))


def story_text(article: Article) -> str:
    """Title and lead, cut to a length the embedder reads quickly: the part that says which event it is."""
    return _title_and_lead(article)[:LEAD_MAX_CHARS]


def _title_and_lead(article: Article) -> str:
    """The title without a site-name suffix, then the first sentences of the body."""
    title = _TITLE_SITE_SUFFIX.sub("", article.title.strip())
    opening = article.sentences[: LEAD_SENTENCES + 1]
    lead = " ".join(sentence for sentence in opening if sentence != article.title)
    return f"{title}. {lead}"


def entity_candidates(text: str) -> frozenset[str]:
    """Capitalised word runs that look like names, case-folded; common and calendar words split runs."""
    found: set[str] = set()
    for match in _CAPITALISED_RUN.finditer(text):
        words = [_POSSESSIVE.sub("", word) for word in match.group().split()]
        sentence_initial = bool(_SENTENCE_START.search(text[: match.start()]))
        # In a title-case headline every word is capitalised, so a common word ends a name there.
        long_run = len(words) > 3
        run: list[str] = []
        for position, word in enumerate(words):
            lowered = word.casefold()
            breaks = lowered in _CALENDAR or (
                _is_common(word) and (long_run or (position == 0 and sentence_initial))
            )
            if breaks:
                _add_run(run, found)
                run = []
            else:
                run.append(lowered)
        _add_run(run, found)
    return frozenset(found)


def _add_run(words: list[str], found: set[str]) -> None:
    """Keep a run of words as one entity unless it is a single common word."""
    if words and not (len(words) == 1 and _is_common(words[0])):
        found.add(" ".join(words))


@lru_cache(maxsize=65536)
def _is_common(word: str) -> bool:
    """A word frequent enough in lower case to be an ordinary word, not a name."""
    return zipf_frequency(word.lower(), "en") >= COMMON_WORD_ZIPF


def _signals(article: Article) -> _Signals:
    """Entities from title, lead and dateline, and the publication date."""
    entities = set(entity_candidates(_title_and_lead(article)))
    if article.dateline:
        place = article.dateline.split(",")[0].strip().casefold()
        if place:
            entities.add(place)
    return _Signals(frozenset(entities), article.published_date)
