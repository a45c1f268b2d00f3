"""Tell when a story holds two events, and where they part.

Online clustering can merge two look-alike events: the first report of the second event joins a young
story of the first (ECB+: two Klitschko title fights, two fires at Waitrose shops, two ships seized by
Somali pirates), and the rest of the second event follows it. Once the story has grown, its members show
two groups. The story is cut in two (average-link, down to two groups, over the pairwise scores of lead
embeddings and word vectors) when both hold:

- the groups are far apart: the mean score between them is `split_gap` below the mean score within the
  less cohesive group;
- each group has a name of its own: a name that at least half of its articles mention and at most a tenth
  of the other group's. One event told from two angles shares its people (Lindsay Lohan in every report
  of her rehab, whether about the court or about the clinic); two events of one kind do not (Rahman vs
  Thompson).

Each group is tested again, so a story of three events ends as three.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import numpy as np

from newsprism.stories.options import ClusterOptions
from newsprism.stories.signals import StorySignals

# A name "of its own": mentioned by at least this share of its group's articles ...
OWN_NAME_SHARE = 0.5
# ... and by at most this share of the other group's.
FOREIGN_NAME_SHARE = 0.1


def split_events(
    vectors: np.ndarray, signals: Sequence[StorySignals], options: ClusterOptions
) -> list[list[int]]:
    """Group a story's members (unit lead embeddings, signals; in arrival order) into events.

    Returns lists of member indices, in order: first the group holding the earliest member (the story's
    first report, whose event keeps the story's id and title), then the others by their earliest member;
    one group holding every member when the story is one event.
    """
    everyone = list(range(len(signals)))
    if len(signals) < options.split_min_size:
        return [everyone]
    scores = _pair_scores(vectors, signals, options.term_weight)
    groups = []
    pending = [everyone]
    while pending:
        group = pending.pop()
        parts = _two_events(scores, group, signals, options) if len(group) >= options.split_min_size else None
        if parts is None:
            groups.append(group)
        else:
            pending.extend(parts)
    return sorted(sorted(group) for group in groups)


def _pair_scores(vectors: np.ndarray, signals: Sequence[StorySignals], term_weight: float) -> np.ndarray:
    """Lead cosine + term_weight x word cosine for every pair: the clusterer's score without the bonuses."""
    ids = np.unique(np.concatenate([item.terms.ids for item in signals]))
    terms = np.zeros((len(signals), len(ids)), dtype=np.float32)
    for row, item in enumerate(signals):
        terms[row, np.searchsorted(ids, item.terms.ids)] = item.terms.weights
    vectors = np.asarray(vectors, dtype=np.float32)
    return (np.matmul(vectors, vectors.T) + term_weight * np.matmul(terms, terms.T)).astype(np.float64)


def _two_events(
    scores: np.ndarray, group: list[int], signals: Sequence[StorySignals], options: ClusterOptions
) -> tuple[list[int], list[int]] | None:
    """The group's two events, or None when it reads as one."""
    within = scores[np.ix_(group, group)]
    first, second = _bisect(within)
    if min(len(first), len(second)) < options.split_min_part:
        return None
    between = within[np.ix_(first, second)].mean()
    cohesion = min(_mean_off_diagonal(within[np.ix_(part, part)]) for part in (first, second))
    if between > cohesion - options.split_gap:
        return None
    first_members = [group[index] for index in first]
    second_members = [group[index] for index in second]
    first_names = _name_shares(signals, first_members)
    second_names = _name_shares(signals, second_members)
    if not (_has_own_name(first_names, second_names) and _has_own_name(second_names, first_names)):
        return None
    return first_members, second_members


def _bisect(scores: np.ndarray) -> tuple[list[int], list[int]]:
    """Average-link agglomeration of the members until two groups remain."""
    count = len(scores)
    groups: dict[int, list[int]] = {index: [index] for index in range(count)}
    # sums[a, b]: the sum of scores between the members of groups a and b.
    sums = scores.astype(np.float64, copy=True)
    sizes = np.ones(count)
    alive = np.ones(count, dtype=bool)
    while len(groups) > 2:
        means = sums / np.outer(sizes, sizes)
        means[~alive, :] = -np.inf
        means[:, ~alive] = -np.inf
        np.fill_diagonal(means, -np.inf)
        keep, absorbed = np.unravel_index(int(np.argmax(means)), means.shape)
        sums[keep, :] += sums[absorbed, :]
        sums[:, keep] += sums[:, absorbed]
        sizes[keep] += sizes[absorbed]
        alive[absorbed] = False
        groups[int(keep)] += groups.pop(int(absorbed))
    first, second = groups.values()
    return sorted(first), sorted(second)


def _mean_off_diagonal(scores: np.ndarray) -> float:
    count = len(scores)
    return float((scores.sum() - np.trace(scores)) / (count * (count - 1)))


def _name_shares(signals: Sequence[StorySignals], members: list[int]) -> dict[str, float]:
    counts = Counter(name for index in members for name in signals[index].entities)
    return {name: count / len(members) for name, count in counts.items()}


def _has_own_name(shares: dict[str, float], other_shares: dict[str, float]) -> bool:
    return any(
        share >= OWN_NAME_SHARE and other_shares.get(name, 0.0) <= FOREIGN_NAME_SHARE
        for name, share in shares.items()
    )
