"""Graded similarity on STS-B dev: Spearman correlation of claim_similarity (and of the raw cosine) with gold.

The STS benchmark scores sentence pairs from 0 (unrelated) to 5 (equivalent). claim_similarity is tuned for a
yes/no "same claim" decision but is monotone in the cosine with lexical adjustments, so it should stay a good
graded similarity. STS-B train (outside MSRpar) is used to fit the claim model (bench/align_msrp.py --fit);
dev is held out and measured here.

Run from the repository root::

    .venv/bin/python bench/sts.py
    .venv/bin/python bench/sts.py --data ../shared/data/stsb/sts-dev.csv
"""

from __future__ import annotations

import argparse
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

DEFAULT_DEV = Path(__file__).resolve().parents[2] / "shared/data/stsb/sts-dev.csv"
DEFAULT_TRAIN = Path(__file__).resolve().parents[2] / "shared/data/stsb/sts-train.csv"
REFERENCE_LINE = "reference (STS-B test): SBERT-NLI-base 77.0; SBERT trained on STS-B ~85; target >= 80"
TARGET = 80.0


@dataclass(frozen=True)
class StsPair:
    """One STS-B line: genre, source file, gold score in [0, 5] and the two sentences."""

    genre: str
    source: str
    gold: float
    sentence_a: str
    sentence_b: str


def read_sts(path: Path) -> list[StsPair]:
    """Read an STS-B csv: tab-separated genre, file, year, id, score, sentence1, sentence2[, sources...]."""
    pairs = []
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            fields = line.rstrip("\r\n").split("\t")
            # Some lines carry extra source columns after the two sentences.
            if len(fields) < 7:
                continue
            pairs.append(StsPair(fields[0], fields[1], float(fields[4]), fields[5], fields[6]))
    return pairs


def spearman(x: np.ndarray, y: np.ndarray) -> float:
    """Spearman rank correlation, ties given their average rank."""
    return float(np.corrcoef(_ranks(x), _ranks(y))[0, 1])


def _ranks(values: np.ndarray) -> np.ndarray:
    """Ranks 0..n-1 of values; tied values share their mean rank."""
    order = np.argsort(values, kind="mergesort")
    ranks = np.empty(len(values))
    ranks[order] = np.arange(len(values))
    _, group = np.unique(values, return_inverse=True)
    return (np.bincount(group, ranks) / np.bincount(group))[group]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DEV, help="STS-B csv (default: sts-dev.csv)")
    args = parser.parse_args()

    from newsprism.comparison.similarity import ClaimScorer, score_features
    from newsprism.nlp.embeddings import default_embedder

    pairs = read_sts(args.data)
    started = time.perf_counter()
    embedder = default_embedder()
    loaded = time.perf_counter()
    features = ClaimScorer(embedder).pair_features([(p.sentence_a, p.sentence_b) for p in pairs])
    scores = score_features(features)
    finished = time.perf_counter()

    gold = np.array([p.gold for p in pairs])
    cosine = features[:, 0]
    print(f"STS-B {args.data.name}: {len(pairs)} pairs")
    print(f"  Spearman x100, claim_similarity: {100 * spearman(scores, gold):.1f}")
    print(f"  Spearman x100, MiniLM cosine:    {100 * spearman(cosine, gold):.1f}")
    genres = sorted({p.genre for p in pairs})
    for genre in genres:
        rows = np.array([p.genre == genre for p in pairs])
        print(
            f"    {genre:14s} n={rows.sum():4d}"
            f"  claim_similarity {100 * spearman(scores[rows], gold[rows]):.1f}"
            f"  cosine {100 * spearman(cosine[rows], gold[rows]):.1f}"
        )
    print(f"  {REFERENCE_LINE}")
    verdict = "met" if 100 * spearman(scores, gold) >= TARGET else "NOT met"
    print(f"  target {verdict}")
    print(
        f"  model load {loaded - started:.2f} s; scoring {finished - loaded:.2f} s "
        f"({2 * len(pairs) / (finished - loaded):.0f} sentences/s incl. features)"
    )


if __name__ == "__main__":
    main()
