"""Claim alignment: group the sentences of a story's articles into claims (one fact each).

Every pair of articles gets a matrix of calibrated same-claim scores. Two kinds of link are
taken, strongest first and one-to-one within each article pair: pairs above the claim
threshold (calibrated on MSRP), and pairs that are each other's best match in the two
articles above a lower mutual threshold. Outlets paraphrase one another far more loosely than
MSRP's sentence pairs, and inside one story the mutual-best constraint does the work a high
threshold does on isolated pairs (see options.MUTUAL_THRESHOLD). Links join groups that never hold two
sentences of one article; a join must also be supported on average by the members already in
both groups (most cross pairs related, their mean near the link floor), so a chain A~B~C does
not merge A and C when they state different facts.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import combinations
from typing import Protocol

import numpy as np

from newsprism.comparison.annotate import AnnotatedSentence, AnnotatedStory
from newsprism.comparison.options import MUTUAL_THRESHOLD
from newsprism.models import Claim, ClaimStatus, SentenceRef

# A join of two groups needs the mean score over all their cross pairs to reach this share of
# the lower link threshold.
GROUP_SUPPORT_RATIO = 0.75
# Pairs below the link thresholds but above this are "related": candidates for conflicts.
RELATED_THRESHOLD = 0.1


class PairScorer(Protocol):
    def score_matrix(
        self,
        sentences_a: Sequence[AnnotatedSentence],
        sentences_b: Sequence[AnnotatedSentence],
        embeddings_a: np.ndarray | None = None,
        embeddings_b: np.ndarray | None = None,
    ) -> np.ndarray: ...


@dataclass(frozen=True)
class ScoredPair:
    """Two sentences of different articles and their same-claim score."""

    a: SentenceRef
    b: SentenceRef
    score: float


@dataclass(frozen=True)
class Alignment:
    claims: tuple[Claim, ...]
    aligned_pairs: tuple[ScoredPair, ...]  # pairs inside one claim group
    related_pairs: tuple[ScoredPair, ...]  # same topic, below the link thresholds, not aligned
    matrices: dict[tuple[int, int], np.ndarray] = field(default_factory=dict, compare=False, repr=False)

    def score(self, a: SentenceRef, b: SentenceRef) -> float:
        """The same-claim score of two sentences of different articles."""
        if (a.article, b.article) in self.matrices:
            return float(self.matrices[(a.article, b.article)][a.index, b.index])
        return float(self.matrices[(b.article, a.article)][b.index, a.index])


class _Groups:
    """Union-find over sentences, keeping for each group the set of articles it covers."""

    def __init__(self, refs: Sequence[SentenceRef]) -> None:
        self.parent = {ref: ref for ref in refs}
        self.members: dict[SentenceRef, list[SentenceRef]] = {ref: [ref] for ref in refs}

    def find(self, ref: SentenceRef) -> SentenceRef:
        while self.parent[ref] != ref:
            self.parent[ref] = self.parent[self.parent[ref]]
            ref = self.parent[ref]
        return ref

    def articles(self, root: SentenceRef) -> set[int]:
        return {member.article for member in self.members[root]}

    def union(self, a: SentenceRef, b: SentenceRef) -> None:
        root_a, root_b = self.find(a), self.find(b)
        if len(self.members[root_a]) < len(self.members[root_b]):
            root_a, root_b = root_b, root_a
        self.parent[root_b] = root_a
        self.members[root_a].extend(self.members.pop(root_b))

    def groups(self) -> list[list[SentenceRef]]:
        return [sorted(members) for members in self.members.values()]


def align_claims(
    story: AnnotatedStory,
    scorer: PairScorer,
    threshold: float,
    embeddings: dict[int, np.ndarray] | None = None,
    mutual_threshold: float = MUTUAL_THRESHOLD,
) -> Alignment:
    """Group every sentence of every article into exactly one claim."""
    embeddings = embeddings or {}
    articles = story.articles
    refs = [sentence.ref for sentence in story.sentences()]
    texts = {item.id: item.article.sentences for item in articles}
    matrices: dict[tuple[int, int], np.ndarray] = {}
    for first, second in combinations(articles, 2):
        if first.sentences and second.sentences:
            matrices[(first.id, second.id)] = scorer.score_matrix(
                first.sentences, second.sentences, embeddings.get(first.id), embeddings.get(second.id)
            )

    def score(x: SentenceRef, y: SentenceRef) -> float:
        if (x.article, y.article) in matrices:
            return float(matrices[(x.article, y.article)][x.index, y.index])
        return float(matrices[(y.article, x.article)][y.index, x.index])

    groups = _Groups(refs)
    for link in _one_to_one_links(matrices, threshold, mutual_threshold):
        root_a, root_b = groups.find(link.a), groups.find(link.b)
        if root_a == root_b or groups.articles(root_a) & groups.articles(root_b):
            continue
        cross = [score(x, y) for x in groups.members[root_a] for y in groups.members[root_b]]
        if _supported(cross, min(threshold, mutual_threshold)):
            groups.union(link.a, link.b)

    article_order = {item.id: position for position, item in enumerate(articles)}
    claims = _claims(groups.groups(), texts, len(articles), score, article_order)
    claim_of = {ref: claim.id for claim in claims for ref in claim.sentences}
    aligned: list[ScoredPair] = []
    related: list[ScoredPair] = []
    for (id_a, id_b), matrix in matrices.items():
        for i, j in zip(*np.nonzero(matrix >= min(RELATED_THRESHOLD, mutual_threshold)), strict=True):
            a, b = SentenceRef(id_a, int(i)), SentenceRef(id_b, int(j))
            pair = ScoredPair(a, b, float(matrix[i, j]))
            (aligned if claim_of[a] == claim_of[b] else related).append(pair)
    return Alignment(tuple(claims), tuple(aligned), tuple(related), matrices)


def _supported(cross_scores: list[float], link_floor: float) -> bool:
    """A join needs support from most members, not one strong link: a majority of the cross pairs
    at least related, and their mean near the link floor."""
    related = sum(value >= RELATED_THRESHOLD for value in cross_scores)
    mean = sum(cross_scores) / len(cross_scores)
    return related * 2 > len(cross_scores) and mean >= link_floor * GROUP_SUPPORT_RATIO


def _one_to_one_links(
    matrices: dict[tuple[int, int], np.ndarray], threshold: float, mutual_threshold: float
) -> list[ScoredPair]:
    """Strongest-first links, each sentence linked once per other article: pairs above the threshold,
    and mutual best matches above the mutual threshold."""
    links = []
    for (id_a, id_b), matrix in matrices.items():
        row_best = matrix.argmax(axis=1)
        col_best = matrix.argmax(axis=0)
        mutual = np.zeros_like(matrix, dtype=bool)
        rows_index = np.arange(matrix.shape[0])
        is_mutual = col_best[row_best] == rows_index
        mutual[rows_index[is_mutual], row_best[is_mutual]] = True
        linkable = (matrix >= threshold) | (mutual & (matrix >= mutual_threshold))
        rows, cols = np.nonzero(linkable)
        order = np.argsort(-matrix[rows, cols], kind="stable")
        used_rows: set[int] = set()
        used_cols: set[int] = set()
        for k in order:
            i, j = int(rows[k]), int(cols[k])
            if i in used_rows or j in used_cols:
                continue
            used_rows.add(i)
            used_cols.add(j)
            links.append(ScoredPair(SentenceRef(id_a, i), SentenceRef(id_b, j), float(matrix[i, j])))
    links.sort(key=lambda link: -link.score)
    return links


def _claims(
    groups: list[list[SentenceRef]],
    texts: dict[int, tuple[str, ...]],
    article_count: int,
    score: object,
    article_order: dict[int, int],
) -> list[Claim]:
    """Claims ordered for reading: widely reported first, then by where they stand in the articles."""

    def status(members: list[SentenceRef]) -> ClaimStatus:
        covered = len({ref.article for ref in members})
        if covered == 1:
            return "unique"
        return "shared" if covered == article_count else "partial"

    def position(members: list[SentenceRef]) -> float:
        return sum(ref.index / max(len(texts[ref.article]), 1) for ref in members) / len(members)

    def representative(members: list[SentenceRef]) -> SentenceRef:
        if len(members) == 1:
            return members[0]
        return max(members, key=lambda ref: sum(score(ref, other) for other in members if other != ref))  # type: ignore[operator]

    ranked = sorted(
        groups,
        key=lambda members: (
            -len({ref.article for ref in members}),
            position(members),
            article_order[members[0].article],
            members[0].index,
        ),
    )
    claims = []
    for number, members in enumerate(ranked, start=1):
        chosen = representative(members)
        claims.append(Claim(number, status(members), texts[chosen.article][chosen.index], tuple(members)))
    return claims
