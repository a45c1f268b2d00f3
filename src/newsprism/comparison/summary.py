"""A neutral extractive summary: consensus first, then each outlet's own main facts, all cited."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence, Set
from dataclasses import dataclass

import numpy as np

from newsprism.comparison.annotate import AnnotatedSentence, AnnotatedStory
from newsprism.comparison.similarity import figures_changed
from newsprism.config import DEFAULT_SUMMARY_LENGTH
from newsprism.lang.en.stop_words import COMMON_FUNCTION_WORDS
from newsprism.models import Claim, Framing, SentenceRef, SummarySentence
from newsprism.nlp.frequency import english_zipf

DEFAULT_LENGTH = DEFAULT_SUMMARY_LENGTH
MIN_LENGTH = 2
MAX_CLAIM_SHARE = 0.5
CONSENSUS_SHARE = 0.6  # of the summary's sentences, at most this share restate consensus claims
MIN_WORDS = 7
MAX_WORDS = 60
# Two summary sentences sharing this much of their vocabulary say the same thing twice.
REDUNDANT_OVERLAP = 0.5
# A first word this common in English, never capitalised mid-sentence in the story, is not a name:
# it is lower-cased after "According to X,".
COMMON_WORD_ZIPF = 2.0
# Penalties in the choice of a consensus claim's wording, against similarities in [0, 1].
LOADED_WORD_PENALTY = 0.2
# Emotive words of tabloid framing: a neutral summary prefers a member sentence without them, whatever
# the story's own framing terms (which need repeated use to be detected) say.
SENSATIONAL_WORDS = frozenset(
    "thugs thug yobs mob mayhem chaos chaotic battlefield rampage rampaging terror terrified terrifying "
    "horror horrific raging fury furious outrage outraged slammed slams blasted blasts savage savagely "
    "brutal brutally shocking shock shell-shocked carnage havoc nightmare disaster disastrous catastrophe "
    "catastrophic botched fiasco crackdown hooded rioters looters smashed swallowed torched torching "
    "spiralled stonewalling hijacked wreck wrecked bloodbath massacre heroic hero heroes evil vile "
    "hypocritical dishonest disgraceful shameful scandal scandalous bombshell explosive astonishing".split()
)
QUOTE_PENALTY = 0.3
PRONOUN_PENALTY = 0.3
OUT_OF_RANGE_LENGTH_PENALTY = 0.5
LEAD_WEIGHT = 0.3  # position counts, but a fact near the top is not worth much more than a central one

_CAPITALISED_INSIDE = re.compile(r"(?<=[a-z,;:] )[A-Z][\w'-]*")
_STARTS_WITH_QUOTE = re.compile(r'^\s*["\']')
# A sentence opening on a pronoun needs the sentence before it, which the summary does not carry.
_STARTS_WITH_PRONOUN = re.compile(r"^(?:He|She|They|It|His|Her|Their|Its|This|That|These|Those|We)\b")


@dataclass(frozen=True)
class _Candidate:
    claim: int
    ref: SentenceRef
    text: str
    sources: tuple[int, ...]
    salience: float


class _StoryVectors:
    """Unit bag-of-content-words vectors of every sentence, and the story's centroid."""

    def __init__(self, story: AnnotatedStory) -> None:
        vocabulary: dict[str, int] = {}
        rows = {
            (sentence.ref.article, sentence.ref.index): [
                vocabulary.setdefault(word, len(vocabulary)) for word in _content_words(sentence)
            ]
            for sentence in story.sentences()
        }
        self._row = {key: number for number, key in enumerate(rows)}
        matrix = np.zeros((len(rows), max(len(vocabulary), 1)))
        for number, columns in enumerate(rows.values()):
            np.add.at(matrix[number], columns, 1.0)
        self.matrix = _normalised(matrix)
        self.centroid = _normalised(self.matrix.sum(axis=0))

    def of(self, ref: SentenceRef) -> np.ndarray:
        return self.matrix[self._row[(ref.article, ref.index)]]

    def centrality(self, ref: SentenceRef) -> float:
        """Cosine similarity to the whole story: how much of the story's vocabulary it carries."""
        return float(self.of(ref) @ self.centroid)


def summarise(
    story: AnnotatedStory,
    claims: Sequence[Claim],
    framing: Sequence[Framing] = (),
    length: int = DEFAULT_LENGTH,
) -> list[SummarySentence]:
    """`length` sentences: facts several outlets report, then "According to <outlet>, …" facts.

    A summary is shorter than what it summarises: never more than half the story's claims
    (at least MIN_LENGTH), so three short excerpts do not come back nearly whole.
    """
    length = min(length, max(MIN_LENGTH, math.ceil(len(claims) * MAX_CLAIM_SHARE)))
    if length <= 0 or not claims:
        return []
    articles = story.articles
    texts = {item.id: item.article.sentences for item in articles}
    sources = {item.id: item.article.source for item in articles}
    loaded = SENSATIONAL_WORDS | {term for outlet in framing for term, _ in outlet.distinctive_terms}
    vectors = _StoryVectors(story)
    consensus = sorted(
        (
            _consensus_candidate(claim, story, loaded, vectors, len(articles))
            for claim in claims
            if len(_articles(claim)) > 1
        ),
        key=lambda candidate: -candidate.salience,
    )
    uniques = [_unique_candidate(claim, story, vectors) for claim in claims if len(_articles(claim)) == 1]

    chosen: list[_Candidate] = []
    consensus_slots = math.ceil(length * CONSENSUS_SHARE) if uniques else length
    _take(consensus, consensus_slots, chosen, story)
    _take(_round_robin(uniques, [item.id for item in articles]), length - len(chosen), chosen, story)
    if len(chosen) < length:  # few outlets or few unique facts: fill with more consensus
        _take(consensus, length - len(chosen), chosen, story)

    names = {
        word for sentences in texts.values() for s in sentences for word in _CAPITALISED_INSIDE.findall(s)
    }
    summary = []
    for candidate in chosen:
        text = candidate.text
        if len(candidate.sources) == 1:
            text = _according_to(sources[candidate.sources[0]], text, names)
        summary.append(SummarySentence(text, candidate.sources, candidate.claim))
    return summary


def _articles(claim: Claim) -> tuple[int, ...]:
    return tuple(sorted({ref.article for ref in claim.sentences}))


def _content_words(sentence: AnnotatedSentence) -> list[str]:
    return [word for word in sentence.words if word not in COMMON_FUNCTION_WORDS]


def _normalised(vectors: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(vectors, axis=-1, keepdims=True)
    return np.divide(vectors, norms, out=np.zeros_like(vectors), where=norms > 0)


def _lead(ref: SentenceRef, story: AnnotatedStory) -> float:
    """0 for the first sentence of an article, towards 1 for its last."""
    return ref.index / max(len(story.article(ref.article).sentences), 1)


def _consensus_candidate(
    claim: Claim,
    story: AnnotatedStory,
    loaded: Set[str],
    vectors: _StoryVectors,
    article_count: int,
) -> _Candidate:
    """The member sentence in the claim's most typical and story-central wording, not loaded, not
    a direct quote, of a readable length, near the top; salient when widely reported, central, early."""
    claim_centroid = _normalised(np.sum([vectors.of(ref) for ref in claim.sentences], axis=0))

    def wording(ref: SentenceRef) -> float:
        sentence = story.sentence(ref).text
        words = story.sentence(ref).words
        return (
            0.5 * float(vectors.of(ref) @ claim_centroid)
            + 0.5 * vectors.centrality(ref)
            - LOADED_WORD_PENALTY * sum(word in loaded for word in words)
            - QUOTE_PENALTY * bool(_STARTS_WITH_QUOTE.match(sentence))
            - PRONOUN_PENALTY * bool(_STARTS_WITH_PRONOUN.match(sentence))
            - OUT_OF_RANGE_LENGTH_PENALTY * (not MIN_WORDS <= len(words) <= MAX_WORDS)
            - 0.1 * _lead(ref, story)
        )

    best = max(claim.sentences, key=wording)
    support = len(_articles(claim)) / article_count
    earliest = min(_lead(ref, story) for ref in claim.sentences)
    salience = (
        support
        + float(claim_centroid @ vectors.centroid)
        - LEAD_WEIGHT * earliest
        - PRONOUN_PENALTY * bool(_STARTS_WITH_PRONOUN.match(story.sentence(best).text))
    )
    text = story.sentence(best).text
    # An outlet that gives the claim another figure ("15,000 vehicles" for "12,000 vehicles") did not say
    # the sentence shown: it is not cited for it (the conflict lists both figures).
    citing = {
        ref.article for ref in claim.sentences if not figures_changed(text, story.sentence(ref).text)
    }
    return _Candidate(claim.id, best, text, tuple(sorted(citing)), salience)


def _unique_candidate(claim: Claim, story: AnnotatedStory, vectors: _StoryVectors) -> _Candidate:
    """Salience of a fact one outlet alone reports: central to the story, near the top, a full
    sentence rather than a quotation."""
    ref = claim.sentences[0]
    sentence = story.sentence(ref).text
    words = len(story.sentence(ref).words)
    salience = (
        vectors.centrality(ref)
        - _lead(ref, story)
        - QUOTE_PENALTY * bool(_STARTS_WITH_QUOTE.match(sentence))
        - PRONOUN_PENALTY * bool(_STARTS_WITH_PRONOUN.match(sentence))
        - 1.0 * (not MIN_WORDS <= words <= MAX_WORDS)
    )
    return _Candidate(claim.id, ref, sentence, (ref.article,), salience)


def _round_robin(candidates: Iterable[_Candidate], article_order: list[int]) -> list[_Candidate]:
    """Each outlet's best fact, then each outlet's second best, and so on; within a round the most
    salient first."""
    by_article: dict[int, list[_Candidate]] = {article: [] for article in article_order}
    for candidate in candidates:
        by_article[candidate.sources[0]].append(candidate)
    queues = [sorted(items, key=lambda c: -c.salience) for items in by_article.values()]
    ordered: list[_Candidate] = []
    for rank in range(max((len(queue) for queue in queues), default=0)):
        round_ = [queue[rank] for queue in queues if rank < len(queue)]
        ordered.extend(sorted(round_, key=lambda c: -c.salience))
    return ordered


def _take(candidates: list[_Candidate], slots: int, chosen: list[_Candidate], story: AnnotatedStory) -> None:
    """Move up to `slots` candidates into `chosen`, in order, skipping ones that repeat a chosen one."""
    taken = 0
    for candidate in list(candidates):
        if taken >= slots:
            break
        candidates.remove(candidate)
        sentence = story.sentence(candidate.ref)
        if any(_overlap(sentence, story.sentence(other.ref)) >= REDUNDANT_OVERLAP for other in chosen):
            continue
        chosen.append(candidate)
        taken += 1


def _overlap(first: AnnotatedSentence, second: AnnotatedSentence) -> float:
    words_a = set(_content_words(first))
    words_b = set(_content_words(second))
    if not words_a or not words_b:
        return 0.0
    return len(words_a & words_b) / min(len(words_a), len(words_b))


def _according_to(source: str, sentence: str, names: set[str]) -> str:
    first_word, _, rest = sentence.partition(" ")
    first_word = first_word.rstrip(",;:")
    # "Prime Minister Anton Grevel": a capitalised next word means a title or a name.
    is_name = first_word in names or first_word == "I" or first_word.isupper() or rest[:1].isupper()
    if first_word[:1].isupper() and not is_name and english_zipf(first_word.lower()) >= COMMON_WORD_ZIPF:
        sentence = sentence[0].lower() + sentence[1:]
    return f"According to {source}, {sentence}"
