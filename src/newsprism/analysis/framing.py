"""Each outlet's distinctive words: weighted log-odds with an informative Dirichlet prior.

Monroe, Colaresi & Quinn (2008), "Fightin' Words", section 3.5: for term w, article i and the pooled
other articles j of the story,

    delta_w = log((y_wi + a_w) / (n_i + a_0 - y_wi - a_w)) - log((y_wj + a_w) / (n_j + a_0 - y_wj - a_w))
    var_w   = 1 / (y_wi + a_w) + 1 / (y_wj + a_w)
    z_w     = delta_w / sqrt(var_w)

with the prior a_w = PRIOR_TOTAL * p_w + MIN_PSEUDO_COUNT, p_w the background frequency of w
renormalised over the story's vocabulary, and a_0 the sum of a_w. Unigrams and two-word phrases are
scored as two separate vocabularies.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from spacy.lang.en.stop_words import STOP_WORDS
from wordfreq import word_frequency

from newsprism.models import ComparedArticle, Framing

# Background pseudo-counts spread by frequency: "police" (~2e-4 of English) gets several, so a
# common word needs a large difference in use before it counts as one outlet's word choice.
PRIOR_TOTAL = 1_000.0
# Every term gets at least this many pseudo-counts. At 1.0 a term that one ~300-word article uses
# twice and no other article uses scores z ~ 2.1; a term used once scores ~ 1.7 and is not reported.
MIN_PSEUDO_COUNT = 1.0
MIN_Z = 1.96
DEFAULT_TOP = 10

_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")
_DIGIT = re.compile(r"\d")
_POSSESSIVE = re.compile(r"['’]s?$")
_SENTENCE_GAP = re.compile(r"[.!?;:]|\n")
_SOURCE_WORD = re.compile(r"[^\W_]+")
# Words that news copy uses in every story, whatever the framing.
_NEWS_STOP_WORDS = frozenset({"mr", "mrs", "ms", "dr", "s", "t", "don", "didn", "doesn", "won"})
STOP_WORDS_LOWER = frozenset(word.lower() for word in STOP_WORDS) | _NEWS_STOP_WORDS


@dataclass(frozen=True)
class _Tokens:
    """Terms of one article: content words and adjacent content-word pairs, lowercased."""

    unigrams: Counter[str]
    bigrams: Counter[str]


def distinctive_terms(
    articles: Sequence[ComparedArticle],
    background: Mapping[str, float] | None = None,
    top: int = DEFAULT_TOP,
) -> list[Framing]:
    """Per article, the words and two-word phrases it uses markedly more than the other articles."""
    proper_nouns = _proper_nouns(article.article.text for article in articles)
    tokens = [_article_tokens(article, proper_nouns) for article in articles]
    unigram_scores = _scores([t.unigrams for t in tokens], _unigram_frequency(background))
    bigram_scores = _scores([t.bigrams for t in tokens], _bigram_frequency(background))
    framings: list[Framing] = []
    for index, article in enumerate(articles):
        scored = {**unigram_scores[index], **bigram_scores[index]}
        significant = {term: z for term, z in scored.items() if z > MIN_Z}
        kept = _drop_covered_words(significant, tokens[index])
        ranked = sorted(kept.items(), key=lambda item: (-item[1], item[0]))[:top]
        framings.append(
            Framing(
                article=article.id,
                distinctive_terms=tuple((term, round(z, 3)) for term, z in ranked),
                dateline=article.article.dateline,
            )
        )
    return framings


def log_odds_z(
    counts: Sequence[Mapping[str, int]], prior: Mapping[str, float]
) -> list[dict[str, float]]:
    """z-scores of each group's terms against all other groups pooled, under the given prior counts."""
    alpha_0 = sum(prior.values())
    totals = [sum(group.values()) for group in counts]
    pooled: Counter[str] = Counter()
    for group in counts:
        pooled.update(group)
    grand_total = sum(totals)
    scores: list[dict[str, float]] = []
    for group, n_i in zip(counts, totals, strict=True):
        n_j = grand_total - n_i
        group_scores: dict[str, float] = {}
        for term, y_i in group.items():
            alpha = prior[term]
            y_j = pooled[term] - y_i
            delta = math.log((y_i + alpha) / (n_i + alpha_0 - y_i - alpha)) - math.log(
                (y_j + alpha) / (n_j + alpha_0 - y_j - alpha)
            )
            group_scores[term] = delta / math.sqrt(1.0 / (y_i + alpha) + 1.0 / (y_j + alpha))
        scores.append(group_scores)
    return scores


def informative_prior(
    vocabulary: Iterable[str], frequency: Callable[[str], float]
) -> dict[str, float]:
    """Pseudo-counts: PRIOR_TOTAL spread by background frequency, plus MIN_PSEUDO_COUNT for each term."""
    frequencies = {term: max(frequency(term), 0.0) for term in vocabulary}
    total = sum(frequencies.values())
    if total <= 0.0:
        return {term: MIN_PSEUDO_COUNT for term in frequencies}
    return {term: PRIOR_TOTAL * f / total + MIN_PSEUDO_COUNT for term, f in frequencies.items()}


def _scores(
    counts: Sequence[Counter[str]], frequency: Callable[[str], float]
) -> list[dict[str, float]]:
    """Log-odds z-scores of each article's terms, with the informative prior over the story vocabulary."""
    vocabulary: set[str] = set()
    for group in counts:
        vocabulary.update(group)
    if not vocabulary or len(counts) < 2:
        return [{} for _ in counts]
    return log_odds_z(counts, informative_prior(vocabulary, frequency))


def _unigram_frequency(background: Mapping[str, float] | None) -> Callable[[str], float]:
    if background is not None:
        return lambda term: float(background.get(term, 0.0))
    return _english_frequency


def _bigram_frequency(background: Mapping[str, float] | None) -> Callable[[str], float]:
    if background is not None:
        return lambda term: float(background.get(term, 0.0))

    def independent(term: str) -> float:
        # Independence underestimates collocations, but the pseudo-count floor dominates for pairs anyway.
        first, second = term.split(" ", 1)
        return _english_frequency(first) * _english_frequency(second)

    return independent


@lru_cache(maxsize=65_536)
def _english_frequency(word: str) -> float:
    return float(word_frequency(word, "en"))


def _article_tokens(article: ComparedArticle, proper_nouns: frozenset[str]) -> _Tokens:
    """Count the content words and content-word pairs of an article, skipping its own outlet's name."""
    own_name = _source_words(article.article.source)
    unigrams: Counter[str] = Counter()
    bigrams: Counter[str] = Counter()
    for sentence in article.article.sentences:
        for chunk in _SENTENCE_GAP.split(sentence):
            previous: str | None = None
            previous_end = 0
            for match in _WORD.finditer(chunk):
                term = _term(match.group())
                if term is None or term in own_name or term in proper_nouns:
                    previous = None
                    continue
                unigrams[term] += 1
                if previous is not None and chunk[previous_end : match.start()].isspace():
                    bigrams[f"{previous} {term}"] += 1
                previous, previous_end = term, match.end()
    return _Tokens(unigrams, bigrams)


def _term(word: str) -> str | None:
    """The lowercased term a word counts as, or None for stop words and numbers."""
    if _DIGIT.search(word):
        return None
    term = _POSSESSIVE.sub("", word.lower()).replace("’", "'")
    if len(term) < 2 or term in STOP_WORDS_LOWER:
        return None
    return term


def _source_words(source: str) -> frozenset[str]:
    """Lowercased words of an outlet's name ("The Harbor Gazette", "harbor-gazette")."""
    words = {word.lower() for word in _SOURCE_WORD.findall(source)}
    return frozenset(words - STOP_WORDS_LOWER)


def _proper_nouns(texts: Iterable[str]) -> frozenset[str]:
    """Words the story only ever capitalises away from a sentence start: names, not word choice."""
    capitalised: set[str] = set()
    lowercase: set[str] = set()
    for text in texts:
        for chunk in _SENTENCE_GAP.split(text):
            for position, match in enumerate(_WORD.finditer(chunk)):
                word = match.group()
                term = _POSSESSIVE.sub("", word.lower())
                if word[0].isupper():
                    if position > 0 and not _after_quote(chunk, match.start()):
                        capitalised.add(term)
                else:
                    lowercase.add(term)
    return frozenset(capitalised - lowercase)


def _after_quote(chunk: str, start: int) -> bool:
    """Tell whether a word opens a quotation (and so is capitalised for that reason)."""
    before = chunk[:start].rstrip()
    return before.endswith(('"', "“", "'", "‘"))


def _drop_covered_words(scores: dict[str, float], tokens: _Tokens) -> dict[str, float]:
    """Drop a word that only ever occurs inside a reported phrase: the phrase says it better."""
    kept = dict(scores)
    for phrase in scores:
        if " " not in phrase:
            continue
        for word in phrase.split(" "):
            if word in kept and tokens.unigrams[word] <= tokens.bigrams[phrase]:
                del kept[word]
    return kept
