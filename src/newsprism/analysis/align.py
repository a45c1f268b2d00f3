"""Claim alignment: group the sentences of a story's articles into claims (one fact each).

Every pair of articles gets a matrix of calibrated same-claim scores. Links above the threshold
are taken strongest first, one-to-one within each article pair, and joined into groups that
never hold two sentences of one article; a join must also be supported on average by the
other members already in the group, so that a chain A~B~C does not merge A and C when they
state different facts.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import combinations
from typing import Protocol

import numpy as np

from newsprism.models import Claim, ClaimStatus, ComparedArticle, SentenceRef

# A join of two groups needs the mean score over all their cross pairs to reach this share of
# the claim threshold: chained paraphrases pass, a topical neighbour of one member does not.
GROUP_SUPPORT_RATIO = 0.75
# Pairs below the claim threshold but above this are "related": candidates for conflicts.
RELATED_RATIO = 0.45


class PairScorer(Protocol):
    def score_matrix(
        self,
        sentences_a: Sequence[str],
        sentences_b: Sequence[str],
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
    related_pairs: tuple[ScoredPair, ...]  # same topic, below the claim threshold, not aligned

    def claim_of(self) -> dict[SentenceRef, Claim]:
        return {ref: claim for claim in self.claims for ref in claim.sentences}


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
    articles: Sequence[ComparedArticle],
    scorer: PairScorer,
    threshold: float,
    embeddings: dict[int, np.ndarray] | None = None,
) -> Alignment:
    """Group every sentence of every article into exactly one claim."""
    embeddings = embeddings or {}
    refs = [SentenceRef(item.id, index) for item in articles for index in range(len(item.article.sentences))]
    texts = {item.id: item.article.sentences for item in articles}
    matrices: dict[tuple[int, int], np.ndarray] = {}
    for first, second in combinations(articles, 2):
        if first.article.sentences and second.article.sentences:
            matrices[(first.id, second.id)] = scorer.score_matrix(
                first.article.sentences,
                second.article.sentences,
                embeddings.get(first.id),
                embeddings.get(second.id),
            )

    def score(x: SentenceRef, y: SentenceRef) -> float:
        if (x.article, y.article) in matrices:
            return float(matrices[(x.article, y.article)][x.index, y.index])
        return float(matrices[(y.article, x.article)][y.index, x.index])

    groups = _Groups(refs)
    for link in _one_to_one_links(matrices, threshold):
        root_a, root_b = groups.find(link.a), groups.find(link.b)
        if root_a == root_b or groups.articles(root_a) & groups.articles(root_b):
            continue
        cross = [score(x, y) for x in groups.members[root_a] for y in groups.members[root_b]]
        if sum(cross) / len(cross) >= threshold * GROUP_SUPPORT_RATIO:
            groups.union(link.a, link.b)

    article_order = {item.id: position for position, item in enumerate(articles)}
    claims = _claims(groups.groups(), texts, len(articles), score, article_order)
    claim_of = {ref: claim.id for claim in claims for ref in claim.sentences}
    aligned, related = [], []
    related_floor = threshold * RELATED_RATIO
    for (id_a, id_b), matrix in matrices.items():
        for i, j in zip(*np.nonzero(matrix >= related_floor), strict=True):
            a, b = SentenceRef(id_a, int(i)), SentenceRef(id_b, int(j))
            pair = ScoredPair(a, b, float(matrix[i, j]))
            (aligned if claim_of[a] == claim_of[b] else related).append(pair)
    return Alignment(tuple(claims), tuple(aligned), tuple(related))


def _one_to_one_links(matrices: dict[tuple[int, int], np.ndarray], threshold: float) -> list[ScoredPair]:
    """Strongest-first links above the threshold, each sentence linked once per other article."""
    links = []
    for (id_a, id_b), matrix in matrices.items():
        rows, cols = np.nonzero(matrix >= threshold)
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
