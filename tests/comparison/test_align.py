"""Claim grouping: every sentence in exactly one claim, one sentence per article, no chaining."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from newsprism.comparison.align import align_claims
from newsprism.comparison.annotate import AnnotatedSentence, annotate
from newsprism.models import Article, ComparedArticle, SentenceRef


class TableScorer:
    """Scores from a hand-written table of sentence pairs (the grouping is under test, not the model)."""

    def __init__(self, scores: dict[frozenset[str], float]) -> None:
        self.scores = scores

    def score_matrix(self, a: Sequence[AnnotatedSentence], b: Sequence[AnnotatedSentence], *_: object) -> np.ndarray:
        return np.array([[self.scores.get(frozenset((x.text, y.text)), 0.0) for y in b] for x in a])


def story(*sentence_lists: tuple[str, ...]) -> list[ComparedArticle]:
    return [
        ComparedArticle(number, Article(source=f"Outlet {number}", title="t", text=" ".join(s), sentences=s))
        for number, s in enumerate(sentence_lists, start=1)
    ]


def test_every_sentence_is_in_exactly_one_claim() -> None:
    articles = story(("a1", "a2", "a3"), ("b1", "b2"), ("c1",))
    scorer = TableScorer({frozenset(("a1", "b1")): 0.9, frozenset(("b1", "c1")): 0.8, frozenset(("a1", "c1")): 0.7})
    alignment = align_claims(annotate(articles), scorer, 0.5)
    refs = [ref for claim in alignment.claims for ref in claim.sentences]
    assert sorted(refs) == sorted({SentenceRef(a.id, i) for a in articles for i in range(len(a.article.sentences))})
    assert len(refs) == len(set(refs))


def test_status_is_shared_partial_or_unique_by_coverage() -> None:
    articles = story(("a1", "a2", "a3"), ("b1", "b2"), ("c1",))
    scorer = TableScorer({frozenset(("a1", "b1")): 0.9, frozenset(("b1", "c1")): 0.8, frozenset(("a1", "c1")): 0.7,
                          frozenset(("a2", "b2")): 0.6})
    claims = align_claims(annotate(articles), scorer, 0.5).claims
    assert [(claim.status, len(claim.sentences)) for claim in claims] == [("shared", 3), ("partial", 2), ("unique", 1)]
    assert claims[0].text in {"a1", "b1", "c1"}


def test_a_group_never_holds_two_sentences_of_one_article() -> None:
    articles = story(("a1", "a2"), ("b1",))
    scorer = TableScorer({frozenset(("a1", "b1")): 0.9, frozenset(("a2", "b1")): 0.85})
    for claim in align_claims(annotate(articles), scorer, 0.5).claims:
        assert len({ref.article for ref in claim.sentences}) == len(claim.sentences)


def test_matching_is_one_to_one_strongest_first() -> None:
    articles = story(("a1", "a2"), ("b1", "b2"))
    scorer = TableScorer({frozenset(("a1", "b1")): 0.9, frozenset(("a1", "b2")): 0.8, frozenset(("a2", "b2")): 0.7})
    groups = [set(claim.sentences) for claim in align_claims(annotate(articles), scorer, 0.5).claims]
    assert {SentenceRef(1, 0), SentenceRef(2, 0)} in groups
    assert {SentenceRef(1, 1), SentenceRef(2, 1)} in groups


def test_a_chain_of_topical_neighbours_does_not_merge_different_facts() -> None:
    # a1~b1 and b1~c1 are strong, but a1 and c1 state different facts (score 0).
    articles = story(("a1",), ("b1",), ("c1",))
    scorer = TableScorer({frozenset(("a1", "b1")): 0.9, frozenset(("b1", "c1")): 0.55})
    groups = sorted(len(claim.sentences) for claim in align_claims(annotate(articles), scorer, 0.5).claims)
    assert groups == [1, 2]


def test_being_each_others_best_match_is_not_enough_for_a_link() -> None:
    # a2 and b2 are each other's best match, but their score is under the threshold: related, not one claim.
    articles = story(("a1", "a2"), ("b1", "b2"))
    scorer = TableScorer({frozenset(("a1", "b1")): 0.9, frozenset(("a2", "b2")): 0.3})
    alignment = align_claims(annotate(articles), scorer, 0.5)
    assert [(p.a, p.b) for p in alignment.aligned_pairs] == [(SentenceRef(1, 0), SentenceRef(2, 0))]
    assert [(p.a, p.b) for p in alignment.related_pairs] == [(SentenceRef(1, 1), SentenceRef(2, 1))]


class TableJudge:
    """Same-claim probabilities from a table; records which pairs it was asked about."""

    def __init__(self, probabilities: dict[frozenset[str], float]) -> None:
        self.probabilities = probabilities
        self.asked: list[frozenset[str]] = []

    def same_claim(self, pairs: Sequence[tuple[AnnotatedSentence, AnnotatedSentence]]) -> np.ndarray:
        keys = [frozenset((a.text, b.text)) for a, b in pairs]
        self.asked.extend(keys)
        return np.array([self.probabilities.get(key, 0.0) for key in keys])


def test_the_judge_decides_the_links_not_the_quick_score() -> None:
    # a1~b1 look alike to the quick score but the judge says they are different claims; a2~b2 the other way.
    articles = story(("a1", "a2"), ("b1", "b2"))
    scorer = TableScorer({frozenset(("a1", "b1")): 0.9, frozenset(("a2", "b2")): 0.3})
    judge = TableJudge({frozenset(("a1", "b1")): 0.2, frozenset(("a2", "b2")): 0.8})
    alignment = align_claims(annotate(articles), scorer, 0.5, judge=judge)
    assert [(p.a, p.b) for p in alignment.aligned_pairs] == [(SentenceRef(1, 1), SentenceRef(2, 1))]


def test_the_judge_is_asked_only_about_candidates_above_the_floor() -> None:
    articles = story(("a1", "a2"), ("b1", "b2"))
    scorer = TableScorer({frozenset(("a1", "b1")): 0.9, frozenset(("a2", "b2")): 0.05})
    judge = TableJudge({frozenset(("a2", "b2")): 0.99})
    alignment = align_claims(annotate(articles), scorer, 0.5, judge=judge)
    assert judge.asked == [frozenset(("a1", "b1"))]
    assert alignment.aligned_pairs == ()


def test_articles_without_sentences_are_harmless() -> None:
    articles = story(("a1",), ())
    claims = align_claims(annotate(articles), TableScorer({}), 0.5).claims
    assert [(c.status, c.text) for c in claims] == [("unique", "a1")]
