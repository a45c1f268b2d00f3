"""The comparison of one story's coverage: the orchestrator that reads the story once and runs every
analyser."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace

import numpy as np

from newsprism.comparison.align import Alignment, ScoredPair, align_claims
from newsprism.comparison.annotate import AnnotatedSentence, AnnotatedStory, annotate
from newsprism.comparison.conflicts import (
    SentencePair,
    candidate_pairs,
    find_date_conflicts,
    find_figure_conflicts,
)
from newsprism.comparison.contradictions import find_statement_conflicts
from newsprism.comparison.entities import extract_entities
from newsprism.comparison.framing import distinctive_terms
from newsprism.comparison.link_model import StoryLinkJudge
from newsprism.comparison.options import CompareOptions
from newsprism.comparison.quotes import find_quote_conflicts, match_quotes
from newsprism.comparison.related import related_claims
from newsprism.comparison.similarity import score_evidence
from newsprism.comparison.summary import summarise
from newsprism.comparison.timeline import build_timeline
from newsprism.models import Article, ComparedArticle, Comparison, Conflict, StoredArticle
from newsprism.nlp.embeddings import Embedder, default_embedder

# What a comparison reads of each article, at most: its first sentences, up to this many and this many
# characters. News reports are far shorter (a 5,000-word long read is ~250 sentences, ~30,000 characters);
# a 5 MB upload is ~30,000 sentences, whose comparison would take hours (~25 ms a sentence on 2 cores).
MAX_COMPARED_SENTENCES = 300
MAX_COMPARED_CHARS = 50_000


class Comparer:
    """Compares stories with models loaded once; reuse one instance for many stories."""

    def __init__(self, embedder: Embedder | None = None) -> None:
        self.embedder = embedder or default_embedder()

    def compare(
        self,
        articles: Iterable[Article | ComparedArticle | StoredArticle],
        options: CompareOptions = CompareOptions(),
    ) -> Comparison:
        story = annotate([_capped(item) for item in as_compared(articles)])
        compared = story.compared
        scorer = _FigureBlindScorer(self.embedder)
        embeddings = self._embed(story)
        judge = StoryLinkJudge(
            story.sentences(), lambda sentence: embeddings[sentence.ref.article][sentence.ref.index]
        )
        alignment = align_claims(story, scorer, options.claim_threshold, embeddings, judge)
        sources = {item.id: item.article.source for item in compared}
        quotes = match_quotes([quote for sentence in story.sentences() for quote in sentence.quotes])
        pairs = _sentence_pairs(story, alignment)
        conflicts: list[Conflict] = [
            *find_figure_conflicts(pairs),
            *find_date_conflicts(pairs),
            *find_quote_conflicts(quotes, sources),
            *find_statement_conflicts(pairs),
        ]
        claims = related_claims(alignment.claims, conflicts)
        framing = distinctive_terms(compared, top=options.framing_terms, min_z=options.framing_min_z)
        return Comparison(
            articles=compared,
            claims=claims,
            conflicts=tuple(conflicts),
            quotes=tuple(quotes),
            entities=tuple(extract_entities(story)),
            framing=tuple(framing),
            summary=tuple(summarise(story, claims, conflicts, framing, options.summary_words)),
            timeline=tuple(build_timeline(story, claims, options.timeline_events)),
        )

    def _embed(self, story: AnnotatedStory) -> dict[int, np.ndarray]:
        """All sentences of the story in one batch: the model runs once per story."""
        sentences = [sentence.text for sentence in story.sentences()]
        vectors = self.embedder.embed(sentences) if sentences else np.zeros((0, 0), dtype=np.float32)
        embeddings, start = {}, 0
        for item in story.articles:
            count = len(item.sentences)
            embeddings[item.id] = vectors[start : start + count]
            start += count
        return embeddings


class _FigureBlindScorer:
    """Outlets that give different figures for one fact still state the same claim: alignment
    ignores the figures, and the conflict finders then compare them."""

    def __init__(self, embedder: Embedder) -> None:
        self.embedder = embedder

    def score_matrix(
        self,
        sentences_a: Sequence[AnnotatedSentence],
        sentences_b: Sequence[AnnotatedSentence],
        embeddings_a: np.ndarray | None = None,
        embeddings_b: np.ndarray | None = None,
    ) -> np.ndarray:
        if embeddings_a is None:
            embeddings_a = self.embedder.embed([sentence.text for sentence in sentences_a])
        if embeddings_b is None:
            embeddings_b = self.embedder.embed([sentence.text for sentence in sentences_b])
        return score_evidence(
            [sentence.evidence for sentence in sentences_a],
            [sentence.evidence for sentence in sentences_b],
            embeddings_a,
            embeddings_b,
            ignore_figures=True,
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


def _capped(item: ComparedArticle) -> ComparedArticle:
    """The article with only the sentences a comparison reads (MAX_COMPARED_SENTENCES, MAX_COMPARED_CHARS)."""
    sentences = item.article.sentences[:MAX_COMPARED_SENTENCES]
    room, kept = MAX_COMPARED_CHARS, []
    for sentence in sentences:
        if room <= 0:
            break
        kept.append(sentence[:room])
        room -= len(sentence)
    if len(kept) == len(item.article.sentences) and room >= 0:
        return item
    return ComparedArticle(item.id, replace(item.article, sentences=tuple(kept)))


def _sentence_pairs(story: AnnotatedStory, alignment: Alignment) -> list[SentencePair]:
    """Aligned and related pairs, plus pairs whose figures count the same thing whatever their score."""
    scored_pairs = [(p, True) for p in alignment.aligned_pairs] + [
        (p, False) for p in alignment.related_pairs
    ]
    seen = {(p.a, p.b) for p, _ in scored_pairs}
    for a, b in candidate_pairs(story):
        if a.article != b.article and (a, b) not in seen and (b, a) not in seen:
            scored_pairs.append((ScoredPair(a, b, alignment.score(a, b)), False))
            seen.add((a, b))
    return [
        SentencePair(story.sentence(scored.a), story.sentence(scored.b), aligned, scored.score)
        for scored, aligned in scored_pairs
    ]
