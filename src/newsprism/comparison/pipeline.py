"""The comparison of one story's coverage: the orchestrator that runs every analyser once."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from newsprism.comparison.align import Alignment, ScoredPair, align_claims
from newsprism.comparison.conflicts import (
    SentencePair,
    candidate_pairs,
    find_date_conflicts,
    find_figure_conflicts,
)
from newsprism.comparison.contradictions import find_statement_conflicts
from newsprism.comparison.entities import extract_entities
from newsprism.comparison.framing import distinctive_terms
from newsprism.comparison.quotes import extract_quotes, find_quote_conflicts, match_quotes
from newsprism.comparison.similarity import CLAIM_THRESHOLD, ClaimScorer
from newsprism.comparison.summary import DEFAULT_LENGTH, summarise
from newsprism.comparison.timeline import build_timeline
from newsprism.models import Article, ComparedArticle, Comparison, Conflict, StoredArticle
from newsprism.nlp.embeddings import Embedder, default_embedder

DEFAULT_FRAMING_TERMS = 10


@dataclass(frozen=True)
class CompareOptions:
    summary_length: int = DEFAULT_LENGTH
    framing_terms: int = DEFAULT_FRAMING_TERMS


class Comparer:
    """Compares stories with models loaded once; reuse one instance for many stories."""

    def __init__(self, embedder: Embedder | None = None) -> None:
        self.embedder = embedder or default_embedder()
        self.scorer = _FigureBlindScorer(ClaimScorer(self.embedder))

    def compare(
        self,
        articles: Iterable[Article | ComparedArticle | StoredArticle],
        options: CompareOptions = CompareOptions(),
    ) -> Comparison:
        compared = as_compared(articles)
        embeddings = self._embed(compared)
        alignment = align_claims(compared, self.scorer, CLAIM_THRESHOLD, embeddings)
        sources = {item.id: item.article.source for item in compared}
        quotes = match_quotes([quote for item in compared for quote in extract_quotes(item)])
        pairs = _sentence_pairs(compared, alignment)
        conflicts: list[Conflict] = [
            *find_figure_conflicts(pairs),
            *find_date_conflicts(pairs),
            *find_quote_conflicts(quotes, sources),
            *find_statement_conflicts(pairs),
        ]
        framing = distinctive_terms(compared, top=options.framing_terms)
        return Comparison(
            articles=tuple(compared),
            claims=alignment.claims,
            conflicts=tuple(conflicts),
            quotes=tuple(quotes),
            entities=tuple(extract_entities(compared)),
            framing=tuple(framing),
            summary=tuple(summarise(compared, alignment.claims, framing, options.summary_length)),
            timeline=tuple(build_timeline(compared, alignment.claims)),
        )

    def _embed(self, articles: Sequence[ComparedArticle]) -> dict[int, np.ndarray]:
        """All sentences of the story in one batch: the model runs once per story."""
        sentences = [sentence for item in articles for sentence in item.article.sentences]
        vectors = self.embedder.embed(sentences) if sentences else np.zeros((0, 0), dtype=np.float32)
        embeddings, start = {}, 0
        for item in articles:
            count = len(item.article.sentences)
            embeddings[item.id] = vectors[start : start + count]
            start += count
        return embeddings


class _FigureBlindScorer:
    """Outlets that give different figures for one fact still state the same claim: alignment
    ignores the figures, and the conflict finders then compare them."""

    def __init__(self, scorer: ClaimScorer) -> None:
        self.scorer = scorer

    def score_matrix(
        self,
        sentences_a: Sequence[str],
        sentences_b: Sequence[str],
        embeddings_a: np.ndarray | None = None,
        embeddings_b: np.ndarray | None = None,
    ) -> np.ndarray:
        return self.scorer.score_matrix(
            sentences_a, sentences_b, embeddings_a, embeddings_b, ignore_figures=True
        )


_default_comparer: Comparer | None = None


def compare(
    articles: Iterable[Article | ComparedArticle | StoredArticle], options: CompareOptions = CompareOptions()
) -> Comparison:
    """Compare the coverage of one story: `newsprism.compare(newsprism.read(path) + ...)`."""
    global _default_comparer
    if _default_comparer is None:
        _default_comparer = Comparer()
    return _default_comparer.compare(articles, options)


def as_compared(articles: Iterable[Article | ComparedArticle | StoredArticle]) -> list[ComparedArticle]:
    """Stored articles keep their database ids; plain articles are numbered after them."""
    items = list(articles)
    taken = {item.id for item in items if isinstance(item, (ComparedArticle, StoredArticle))}
    next_id = 1
    compared = []
    for item in items:
        if isinstance(item, ComparedArticle):
            compared.append(item)
        elif isinstance(item, StoredArticle):
            compared.append(ComparedArticle(item.id, item.article))
        else:
            while next_id in taken:
                next_id += 1
            compared.append(ComparedArticle(next_id, item))
            taken.add(next_id)
    return compared


def _sentence_pairs(articles: Sequence[ComparedArticle], alignment: Alignment) -> list[SentencePair]:
    """Aligned and related pairs, plus pairs whose figures count the same thing whatever their score."""
    by_id = {item.id: item.article for item in articles}
    scored_pairs = [(p, True) for p in alignment.aligned_pairs] + [
        (p, False) for p in alignment.related_pairs
    ]
    seen = {(p.a, p.b) for p, _ in scored_pairs}
    for a, b in candidate_pairs(articles):
        if a.article != b.article and (a, b) not in seen and (b, a) not in seen:
            scored_pairs.append((ScoredPair(a, b, alignment.score(a, b)), False))
            seen.add((a, b))
    pairs = []
    for scored, aligned in scored_pairs:
        first, second = by_id[scored.a.article], by_id[scored.b.article]
        pairs.append(
            SentencePair(
                a=scored.a,
                b=scored.b,
                text_a=first.sentences[scored.a.index],
                text_b=second.sentences[scored.b.index],
                source_a=first.source,
                source_b=second.source,
                published_a=first.published_date,
                published_b=second.published_date,
                aligned=aligned,
                similarity=scored.score,
            )
        )
    return pairs
