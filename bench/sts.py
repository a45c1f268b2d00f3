"""Graded similarity on STS-B dev: Spearman correlation with gold of sentence_similarity and its parts.

The STS benchmark scores sentence pairs from 0 (unrelated) to 5 (equivalent). The pair model
(nlp/pair_model.py) has a similarity output trained on STS-B train; dev is held out and measured here, with
its same-claim output, the quick score (similarity.ClaimScorer) and the raw MiniLM cosine beside it.

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
REFERENCE_LINE = (
    "reference (STS-B test): SBERT-NLI-base 77.0; SBERT trained on STS-B ~85; cross-encoder BERT-large 88.8"
)
TARGET = 85.0


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

    from newsprism.comparison.similarity import ClaimScorer, score_features, sentence_similarity
    from newsprism.nlp.embeddings import default_embedder
    from newsprism.nlp.pair_model import SAME_CLAIM, SIMILARITY, default_pair_model

    pairs = read_sts(args.data)
    texts = [(p.sentence_a, p.sentence_b) for p in pairs]
    started = time.perf_counter()
    model = default_pair_model()
    loaded = time.perf_counter()
    outputs = model.predict(texts)
    finished = time.perf_counter()
    features = ClaimScorer(default_embedder()).pair_features(texts)
    columns = {
        "sentence_similarity": np.array(sentence_similarity(texts)),
        "pair model, similarity": outputs[:, SIMILARITY],
        "pair model, same claim": outputs[:, SAME_CLAIM],
        "quick score": score_features(features),
        "MiniLM cosine": features[:, 0],
    }
    gold = np.array([p.gold for p in pairs])
    print(f"STS-B {args.data.name}: {len(pairs)} pairs; Spearman x100")
    for name, scores in columns.items():
        print(f"  {name:24s} {100 * spearman(scores, gold):.1f}")
    for genre in sorted({p.genre for p in pairs}):
        rows = np.array([p.genre == genre for p in pairs])
        figures = "  ".join(
            f"{name} {100 * spearman(scores[rows], gold[rows]):.1f}" for name, scores in columns.items()
        )
        print(f"    {genre:14s} n={rows.sum():4d}  {figures}")
    print(f"  {REFERENCE_LINE}")
    result = 100 * spearman(columns["sentence_similarity"], gold)
    print(f"  target >= {TARGET}: {'met' if result >= TARGET else 'NOT met'}")
    print(
        f"  pair model load {loaded - started:.2f} s; {len(pairs)} pairs in {finished - loaded:.2f} s "
        f"({len(pairs) / (finished - loaded):.0f} pairs/s)"
    )


if __name__ == "__main__":
    main()
