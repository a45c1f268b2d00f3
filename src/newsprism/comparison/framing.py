"""Each outlet's distinctive words: weighted log-odds with an informative Dirichlet prior.

Monroe, Colaresi & Quinn (2008), "Fightin' Words": for term w, article i and the pooled other
articles j of the story,

    delta_w = log((y_wi + a_wi) / (n_i + A_i - y_wi - a_wi)) - log((y_wj + a_wj) / (n_j + A_j - y_wj - a_wj))
    z_w     = delta_w / sqrt(1 / (y_wi + a_wi) + 1 / (y_wj + a_wj))

For an article of the story's mean length n (in terms), the prior is a_w = PRIOR_WEIGHT * n * p_w +
MIN_PSEUDO_COUNT, with p_w the background frequency of w renormalised over the story's vocabulary:
alpha_0 = 3n is ~500 pseudo-counts for the ~300-word example articles and stays in proportion for
a story of short briefs. Each side gets that prior scaled by its length over n, and A is the sum of
its a_w. With one prior shared by both sides, as in the paper, a term absent from both would look
likelier in the single article than in the four or nine pooled ones, favouring every term the
article uses.

Unigrams and two-word phrases are scored as two separate vocabularies.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from newsprism.comparison.options import DEFAULT_FRAMING_TERMS, FRAMING_MIN_Z
from newsprism.lang.en.stop_words import CONTRACTION_STEMS, STOP_WORDS
from newsprism.lang.en.titles import ADDRESS_ABBREVIATIONS
from newsprism.models import Article, ComparedArticle, Framing
from newsprism.nlp.frequency import english_frequency
from newsprism.nlp.tokens import ALPHANUMERIC_RUN, JOINED_WORD

# Pseudo-counts spread by English frequency, per term of an article of mean length: "police" or
# "officials said" get tens, so a common word needs a large difference to count as an outlet's choice.
PRIOR_WEIGHT = 3.0
# Pseudo-counts every term gets on top: keeps words English seldom uses ("yobs", "rioters") from
# carrying a near-zero prior, whose variance would bury them.
MIN_PSEUDO_COUNT = 0.2

_DIGIT = re.compile(r"\d")
_CLAUSE_BREAK = re.compile(r"[.!?;:]")
_OPENING_QUOTES = ('"', "“", "'", "‘", "(")
# Endings after an apostrophe that leave the word before it ("Lind's", "don't", "they're").
_CLITICS = frozenset({"s", "t", "re", "ve", "ll", "d", "m"})
STOP_WORDS_LOWER = STOP_WORDS | CONTRACTION_STEMS | ADDRESS_ABBREVIATIONS


@dataclass(frozen=True)
class _Tokens:
    """Terms of one article: content words and adjacent content-word pairs, lowercased."""

    unigrams: Counter[str]
    bigrams: Counter[str]


def distinctive_terms(
    articles: Sequence[ComparedArticle],
    background: Mapping[str, float] | None = None,
    top: int = DEFAULT_FRAMING_TERMS,
    min_z: float = FRAMING_MIN_Z,
) -> list[Framing]:
    """Per article, the words and two-word phrases it uses markedly more than the other articles.

    `background` maps terms (words and "two words") to counts or frequencies, e.g. from the whole
    store; by default English word frequencies from wordfreq.
    """
    names = _name_words(article.article for article in articles)
    tokens = [_article_tokens(article, names) for article in articles]
    unigram_scores = _scores([t.unigrams for t in tokens], _unigram_frequency(background))
    bigram_scores = _scores([t.bigrams for t in tokens], _bigram_frequency(background))
    framings: list[Framing] = []
    for index, article in enumerate(articles):
        scored = {**unigram_scores[index], **bigram_scores[index]}
        significant = {term: z for term, z in scored.items() if z > min_z}
        kept = _drop_words_inside_phrases(significant, tokens[index])
        ranked = sorted(kept.items(), key=lambda item: (-item[1], item[0]))[:top]
        framings.append(
            Framing(
                article=article.id,
                distinctive_terms=tuple(ranked),
                dateline=article.article.dateline,
            )
        )
    return framings


def log_odds_z(counts: Sequence[Mapping[str, int]], prior: Mapping[str, float]) -> list[dict[str, float]]:
    """z-scores of each group's terms against all other groups pooled.

    `prior` holds the pseudo-counts of a group of mean size; each side gets them scaled by its size.
    """
    totals = [sum(group.values()) for group in counts]
    grand_total = sum(totals)
    if grand_total == 0:
        return [{} for _ in counts]
    mean_total = grand_total / len(counts)
    prior_total = sum(prior.values())
    pooled: Counter[str] = Counter()
    for group in counts:
        pooled.update(group)
    scores: list[dict[str, float]] = []
    for group, n_i in zip(counts, totals, strict=True):
        n_j = grand_total - n_i
        scale_i, scale_j = n_i / mean_total, n_j / mean_total
        group_scores: dict[str, float] = {}
        if n_j == 0:
            scores.append(group_scores)  # nothing to compare against
            continue
        for term, y_i in group.items():
            y_j = pooled[term] - y_i
            a_i, a_j = prior[term] * scale_i, prior[term] * scale_j
            rest_i, rest_j = n_i + prior_total * scale_i - y_i - a_i, n_j + prior_total * scale_j - y_j - a_j
            # A term with no prior weight and no use on one side (or the only term of a tiny article) has
            # no odds to compare: a score would divide by zero.
            if min(y_i + a_i, y_j + a_j, rest_i, rest_j) <= 0:
                continue
            log_odds_i = math.log((y_i + a_i) / rest_i)
            log_odds_j = math.log((y_j + a_j) / rest_j)
            variance = 1.0 / (y_i + a_i) + 1.0 / (y_j + a_j)
            group_scores[term] = (log_odds_i - log_odds_j) / math.sqrt(variance)
        scores.append(group_scores)
    return scores


def informative_prior(
    vocabulary: Iterable[str], frequency: Callable[[str], float], total: float
) -> dict[str, float]:
    """Pseudo-counts: `total` spread by background frequency, plus MIN_PSEUDO_COUNT for each term."""
    frequencies = {term: max(frequency(term), 0.0) for term in vocabulary}
    frequency_sum = sum(frequencies.values())
    if frequency_sum <= 0.0:
        return {term: MIN_PSEUDO_COUNT for term in frequencies}
    return {term: total * f / frequency_sum + MIN_PSEUDO_COUNT for term, f in frequencies.items()}


def _scores(counts: Sequence[Counter[str]], frequency: Callable[[str], float]) -> list[dict[str, float]]:
    """Log-odds z-scores of each article's terms, with the informative prior over the story vocabulary."""
    vocabulary: set[str] = set()
    for group in counts:
        vocabulary.update(group)
    if not vocabulary or len(counts) < 2:
        return [{} for _ in counts]
    mean_total = sum(sum(group.values()) for group in counts) / len(counts)
    return log_odds_z(counts, informative_prior(vocabulary, frequency, PRIOR_WEIGHT * mean_total))


def _unigram_frequency(background: Mapping[str, float] | None) -> Callable[[str], float]:
    if background is not None:
        return lambda term: float(background.get(term, 0.0))
    return english_frequency


def _bigram_frequency(background: Mapping[str, float] | None) -> Callable[[str], float]:
    if background is not None:
        return lambda term: float(background.get(term, 0.0))

    def independent(term: str) -> float:
        # Independence underestimates collocations; the pseudo-count floor dominates for pairs anyway.
        first, second = term.split(" ", 1)
        return english_frequency(first) * english_frequency(second)

    return independent


def _article_tokens(article: ComparedArticle, names: frozenset[str]) -> _Tokens:
    """Count an article's content words and content-word pairs, leaving out names and its outlet's name."""
    own_name = _source_words(article.article.source)
    unigrams: Counter[str] = Counter()
    bigrams: Counter[str] = Counter()
    for sentence in article.article.sentences:
        for clause in _CLAUSE_BREAK.split(sentence):
            previous: str | None = None
            previous_end = 0
            for match in JOINED_WORD.finditer(clause):
                term = _term(match.group())
                if term is None or term in own_name or _is_name(clause, match, term, names):
                    previous = None
                    continue
                unigrams[term] += 1
                if previous is not None and clause[previous_end : match.start()].isspace():
                    bigrams[f"{previous} {term}"] += 1
                previous, previous_end = term, match.end()
    return _Tokens(unigrams, bigrams)


def _term(word: str) -> str | None:
    """The lowercased term a word counts as, or None for stop words and numbers."""
    if _DIGIT.search(word):
        return None
    term = word.lower().replace("’", "'")
    stem, apostrophe, ending = term.rpartition("'")
    if apostrophe and ending in _CLITICS:
        term = stem
    if len(term) < 2 or term in STOP_WORDS_LOWER:
        return None
    return term


def _source_words(source: str) -> frozenset[str]:
    """Lowercased words of an outlet's name ("The Harbor Gazette", "harbor-gazette")."""
    words = {word.lower() for word in ALPHANUMERIC_RUN.findall(source)}
    return frozenset(words - STOP_WORDS_LOWER)


def _is_name(clause: str, match: re.Match[str], term: str, names: frozenset[str]) -> bool:
    """Tell whether a capitalised word is (part of) a name rather than word choice."""
    if not match.group()[0].isupper():
        return False
    return not _opens_clause(clause, match.start()) or term in names


def _name_words(articles: Iterable[Article]) -> frozenset[str]:
    """Terms the story capitalises away from a sentence start and never writes in lowercase."""
    capitalised: set[str] = set()
    lowercase: set[str] = set()
    for article in articles:
        for sentence in article.sentences:
            for clause in _CLAUSE_BREAK.split(sentence):
                for match in JOINED_WORD.finditer(clause):
                    term = _term(match.group())
                    if term is None:
                        continue
                    if not match.group()[0].isupper():
                        lowercase.add(term)
                    elif not _opens_clause(clause, match.start()):
                        capitalised.add(term)
    return frozenset(capitalised - lowercase)


def _opens_clause(clause: str, start: int) -> bool:
    """Tell whether a word is the first of its clause or of a quotation, where capitals say nothing."""
    before = clause[:start].rstrip()
    return not before or before.endswith(_OPENING_QUOTES)


def _drop_words_inside_phrases(scores: dict[str, float], tokens: _Tokens) -> dict[str, float]:
    """Drop a word that only ever occurs inside a reported phrase: the phrase says it better."""
    kept = dict(scores)
    for phrase in scores:
        if " " not in phrase:
            continue
        for word in phrase.split(" "):
            if word in kept and tokens.unigrams[word] <= tokens.bigrams[phrase]:
                del kept[word]
    return kept
