"""A neutral extractive summary: consensus first, then each outlet's own main facts, all cited."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from wordfreq import zipf_frequency

from newsprism.models import Claim, ComparedArticle, Framing, SentenceRef, SummarySentence

DEFAULT_LENGTH = 6
CONSENSUS_SHARE = 0.6  # of the summary's sentences, at most this share restate consensus claims
MIN_WORDS = 7
MAX_WORDS = 60
# Two summary sentences sharing this much of their vocabulary say the same thing twice.
REDUNDANT_OVERLAP = 0.5
# A first word this common in English, never capitalised mid-sentence in the story, is not a name:
# it is lower-cased after "According to X,".
COMMON_WORD_ZIPF = 2.0

_CAPITALISED_INSIDE = re.compile(r"(?<=[a-z,;:] )[A-Z][\w'-]*")
_WORD = re.compile(r"[a-z0-9][a-z0-9'-]*")
_STARTS_WITH_QUOTE = re.compile(r'^\s*["\']')
_HAS_FIGURE_OR_NAME = re.compile(r"\d|\s[A-Z][a-z]+")
_STOP_WORDS = frozenset(
    "a an the of to in on at for by with from and or but as is are was were be been has have had "
    "that this these those it its he she they them his her their we our you i said says say will would "
    "not no after before over under about into than then there here who which what when where".split()
)


@dataclass(frozen=True)
class _Candidate:
    ref: SentenceRef
    text: str
    sources: tuple[int, ...]
    salience: float


def summarise(
    articles: Sequence[ComparedArticle],
    claims: Sequence[Claim],
    framing: Sequence[Framing] = (),
    length: int = DEFAULT_LENGTH,
) -> list[SummarySentence]:
    """`length` sentences: facts several outlets report, then "According to <outlet>, …" facts."""
    if length <= 0 or not claims:
        return []
    texts = {item.id: item.article.sentences for item in articles}
    sources = {item.id: item.article.source for item in articles}
    loaded = {term for outlet in framing for term, _ in outlet.distinctive_terms}
    consensus = [_consensus_candidate(claim, texts, loaded) for claim in claims if len(_articles(claim)) > 1]
    uniques = [_unique_candidate(claim, texts) for claim in claims if len(_articles(claim)) == 1]

    chosen: list[_Candidate] = []
    consensus_slots = math.ceil(length * CONSENSUS_SHARE) if uniques else length
    _take(consensus, consensus_slots, chosen)
    _take(_round_robin(uniques, [item.id for item in articles]), length - len(chosen), chosen)
    if len(chosen) < length:  # few outlets or few unique facts: fill with more consensus
        _take(consensus, length - len(chosen), chosen)

    names = {
        word for sentences in texts.values() for s in sentences for word in _CAPITALISED_INSIDE.findall(s)
    }
    summary = []
    for candidate in chosen:
        text = candidate.text
        if len(candidate.sources) == 1:
            text = _according_to(sources[candidate.sources[0]], text, names)
        summary.append(SummarySentence(text, candidate.sources))
    return summary


def _articles(claim: Claim) -> tuple[int, ...]:
    return tuple(sorted({ref.article for ref in claim.sentences}))


def _consensus_candidate(claim: Claim, texts: dict[int, tuple[str, ...]], loaded: set[str]) -> _Candidate:
    """The member sentence with the least loaded wording, no direct quote, and a readable length."""

    def neutrality(ref: SentenceRef) -> tuple[float, ...]:
        sentence = texts[ref.article][ref.index]
        words = _WORD.findall(sentence.lower())
        loaded_words = sum(word in loaded for word in words)
        return (
            loaded_words,
            bool(_STARTS_WITH_QUOTE.match(sentence)),
            not MIN_WORDS <= len(words) <= MAX_WORDS,
            sentence != claim.text,
        )

    best = min(claim.sentences, key=neutrality)
    support = len(_articles(claim))
    lead = min(ref.index for ref in claim.sentences)
    return _Candidate(best, texts[best.article][best.index], _articles(claim), support - lead * 0.01)


def _unique_candidate(claim: Claim, texts: dict[int, tuple[str, ...]]) -> _Candidate:
    """Salience of a fact one outlet alone reports: near the top, concrete, a full sentence."""
    ref = claim.sentences[0]
    sentence = texts[ref.article][ref.index]
    words = len(_WORD.findall(sentence.lower()))
    position = ref.index / max(len(texts[ref.article]), 1)
    salience = (
        1.0
        - position
        + 0.3 * bool(_HAS_FIGURE_OR_NAME.search(sentence))
        - 0.5 * bool(_STARTS_WITH_QUOTE.match(sentence))
        - 1.0 * (not MIN_WORDS <= words <= MAX_WORDS)
    )
    return _Candidate(ref, sentence, (ref.article,), salience)


def _round_robin(candidates: Iterable[_Candidate], article_order: list[int]) -> list[_Candidate]:
    """Each outlet's best fact, then each outlet's second best, and so on."""
    by_article: dict[int, list[_Candidate]] = {article: [] for article in article_order}
    for candidate in candidates:
        by_article[candidate.sources[0]].append(candidate)
    queues = [sorted(items, key=lambda c: -c.salience) for items in by_article.values()]
    ordered: list[_Candidate] = []
    for rank in range(max((len(queue) for queue in queues), default=0)):
        ordered.extend(queue[rank] for queue in queues if rank < len(queue))
    return ordered


def _take(candidates: list[_Candidate], slots: int, chosen: list[_Candidate]) -> None:
    """Move up to `slots` candidates into `chosen`, in order, skipping ones that repeat a chosen one."""
    taken = 0
    for candidate in list(candidates):
        if taken >= slots:
            break
        candidates.remove(candidate)
        if any(_overlap(candidate.text, other.text) >= REDUNDANT_OVERLAP for other in chosen):
            continue
        chosen.append(candidate)
        taken += 1


def _overlap(first: str, second: str) -> float:
    words_a = {w for w in _WORD.findall(first.lower()) if w not in _STOP_WORDS}
    words_b = {w for w in _WORD.findall(second.lower()) if w not in _STOP_WORDS}
    if not words_a or not words_b:
        return 0.0
    return len(words_a & words_b) / min(len(words_a), len(words_b))


def _according_to(source: str, sentence: str, names: set[str]) -> str:
    first_word, _, rest = sentence.partition(" ")
    first_word = first_word.rstrip(",;:")
    # "Prime Minister Anton Grevel": a capitalised next word means a title or a name.
    is_name = first_word in names or first_word == "I" or first_word.isupper() or rest[:1].isupper()
    if (
        first_word[:1].isupper()
        and not is_name
        and zipf_frequency(first_word.lower(), "en") >= COMMON_WORD_ZIPF
    ):
        sentence = sentence[0].lower() + sentence[1:]
    return f"According to {source}, {sentence}"
