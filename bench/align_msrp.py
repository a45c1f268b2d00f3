"""Same-claim decisions on MSRP: accuracy and F1 of same_claim (the trained model) on a split it never saw.

Only the MSRP train part (4,076 pairs) is here. training/pairs.py splits it once, seeded: the model is fitted
on 75 %, its decision threshold (options.CLAIM_THRESHOLD) is chosen on 10 % ("calibrate"), and the figures
below are on the last 15 % ("validation"), which nothing was fitted or chosen on. Beside it: the MiniLM
cosine alone (threshold chosen on the calibrate part the same way), the majority class and published bars.

With --quick, the older quick score (similarity.ClaimScorer: cosine and lexical evidence in a logistic model,
still the alignment's candidate filter) is cross-validated on the whole file as before; --fit prints its
constants.

Run from the repository root::

    .venv/bin/python bench/align_msrp.py            # the trained model on the validation split
    .venv/bin/python bench/align_msrp.py --quick    # the quick score, 10-fold cross-validated
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from sts import DEFAULT_TRAIN, read_sts

from newsprism.comparison.options import QUICK_CLAIM_THRESHOLD

DEFAULT_MSRP = Path(__file__).resolve().parents[2] / "shared/data/msrp/msr_paraphrase_train.txt"
PUBLISHED = (
    "published (MSRP test): majority class 66.5 acc / 79.9 F1; BERT-large 85.4 / 89.3; target F1 >= 86"
)
TARGET_F1 = 86.0
# gold >= 3 on STS-B: "roughly equivalent, but some important information differs/missing"
STS_SAME_CLAIM = 3.0
# STS-B's MSRpar pairs come from MSRP itself; leaving them out keeps the cross-validation honest.
STS_EXCLUDED_SOURCE = "MSRpar"
L2 = 1e-4
THRESHOLDS = np.round(np.arange(0.05, 0.951, 0.01), 2)
SEED = 20260316


@dataclass(frozen=True)
class Scores:
    """Accuracy and F1 (both x100) of one set of decisions."""

    accuracy: float
    f1: float

    def __str__(self) -> str:
        return f"{self.accuracy:5.1f} acc / {self.f1:5.1f} F1"


def read_msrp(path: Path) -> tuple[list[tuple[str, str]], np.ndarray]:
    """Read MSRP: tab-separated Quality, id1, id2, string1, string2; a header line is skipped if present."""
    pairs: list[tuple[str, str]] = []
    labels: list[int] = []
    with path.open(encoding="utf-8-sig") as lines:
        for line in lines:
            fields = line.rstrip("\r\n").split("\t")
            if len(fields) < 5 or fields[0] not in {"0", "1"}:
                continue
            pairs.append((fields[3], fields[4]))
            labels.append(int(fields[0]))
    return pairs, np.array(labels)


def evaluate(predicted: np.ndarray, labels: np.ndarray) -> Scores:
    """Accuracy and F1 of the positive class."""
    true_positive = float(np.sum(predicted & (labels == 1)))
    denominator = float(predicted.sum() + (labels == 1).sum())
    f1 = 2 * true_positive / denominator if denominator else 0.0
    return Scores(100 * float(np.mean(predicted == (labels == 1))), 100 * f1)


def best_threshold(scores: np.ndarray, labels: np.ndarray) -> float:
    """The threshold on scores that maximises accuracy (the lowest one on ties).

    F1 is flat from about 0.2 to 0.5 and its maximum jumps between folds; maximising accuracy gives a stable
    threshold near 0.5 and a held-out F1 0.2 higher (81.6 against 81.4 with the F1-maximising threshold).
    """
    return float(max(THRESHOLDS, key=lambda t: (evaluate(scores >= t, labels).accuracy, -t)))


def cross_validate(
    labels: np.ndarray, folds: int, train_and_score: Callable[[np.ndarray, np.ndarray], np.ndarray]
) -> list[Scores]:
    """Per-fold figures; train_and_score(train_rows, all_rows) scores all rows; thresholds come from train."""
    order = np.random.default_rng(SEED).permutation(len(labels))
    results = []
    for held_out in np.array_split(order, folds):
        train = np.setdiff1d(order, held_out)
        scores = train_and_score(train, np.arange(len(labels)))
        threshold = best_threshold(scores[train], labels[train])
        results.append(evaluate(scores[held_out] >= threshold, labels[held_out]))
    return results


def summarise(results: list[Scores]) -> str:
    """Mean and standard deviation over folds."""
    accuracy = np.array([r.accuracy for r in results])
    f1 = np.array([r.f1 for r in results])
    return f"{accuracy.mean():5.1f} acc / {f1.mean():5.1f} F1  (sd {accuracy.std():.1f} / {f1.std():.1f})"


def best_f1_threshold(scores: np.ndarray, labels: np.ndarray) -> float:
    """The threshold on scores that maximises F1 (the lowest one on ties)."""
    return float(max(THRESHOLDS, key=lambda t: (evaluate(scores >= t, labels).f1, -t)))


def trained_model_report(data: Path) -> None:
    """The shipped pair model on MSRP's validation split; thresholds from the calibrate split.

    Two figures: the model's same-claim output (the target is on it), and newsprism.same_claim, which also
    says that a changed figure is no shared claim ("62 arrested" / "80 arrested" conflict), where MSRP's
    annotators often saw a paraphrase: by design it scores lower on MSRP."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from newsprism.comparison.options import CLAIM_THRESHOLD
    from newsprism.comparison.similarity import ClaimJudge
    from newsprism.nlp.embeddings import default_embedder
    from newsprism.nlp.pair_model import SAME_CLAIM
    from training.pairs import msrp_split

    split = msrp_split(data)
    judge = ClaimJudge()

    def model_output(pairs: list) -> np.ndarray:  # type: ignore[type-arg]
        return judge.model.predict([(p.a, p.b) if p.a <= p.b else (p.b, p.a) for p in pairs])[:, SAME_CLAIM]

    started = time.perf_counter()
    calibrate = model_output(split.calibrate)
    validation = model_output(split.validation)
    judged = time.perf_counter() - started
    product = judge.score_texts([(p.a, p.b) for p in split.validation])
    calibrate_labels = np.array([int(p.target) for p in split.calibrate])
    labels = np.array([int(p.target) for p in split.validation])
    embedder = default_embedder()

    def cosines(pairs: list) -> np.ndarray:  # type: ignore[type-arg]
        return np.einsum(
            "ij,ij->i", embedder.embed([p.a for p in pairs]), embedder.embed([p.b for p in pairs])
        )

    cosine_threshold = best_threshold(cosines(split.calibrate), calibrate_labels)
    model_threshold = best_threshold(calibrate, calibrate_labels)
    print(
        f"MSRP validation split: {len(labels)} pairs ({labels.sum()} same claim); thresholds chosen on the "
        f"calibrate split ({len(calibrate_labels)} pairs); neither was trained on"
    )
    model_scores = evaluate(validation >= model_threshold, labels)
    rows = [
        (f"pair model, same-claim output (threshold {model_threshold:.2f})", model_scores),
        (f"pair model at CLAIM_THRESHOLD {CLAIM_THRESHOLD}", evaluate(validation >= CLAIM_THRESHOLD, labels)),
        ("same_claim (a changed figure is no shared claim)", evaluate(product >= CLAIM_THRESHOLD, labels)),
        (
            f"MiniLM cosine alone (threshold {cosine_threshold:.2f})",
            evaluate(cosines(split.validation) >= cosine_threshold, labels),
        ),
        ("majority class (all same claim)", evaluate(np.ones(len(labels), bool), labels)),
    ]
    for name, scores in rows:
        print(f"  {name + ':':54s} {scores}")
    print(f"  {PUBLISHED}")
    met = "met" if model_scores.f1 >= TARGET_F1 else "NOT met"
    print(f"  target F1 >= {TARGET_F1} (the pair model's output): {met}")
    pairs = len(calibrate) + len(validation)
    print(f"  judged {pairs} pairs in {judged:.1f} s ({pairs / judged:.0f} pairs/s)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_MSRP, help="msr_paraphrase_train.txt")
    parser.add_argument("--sts-train", type=Path, default=DEFAULT_TRAIN, help="STS-B train csv (for the fit)")
    parser.add_argument("--folds", type=int, default=10)
    parser.add_argument("--quick", action="store_true", help="cross-validate the quick score instead")
    parser.add_argument(
        "--fit", action="store_true", help="with --quick: print its constants for similarity.py"
    )
    args = parser.parse_args()
    if not args.quick:
        trained_model_report(args.data.parents[1])
        return

    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from newsprism.comparison import similarity
    from newsprism.nlp.embeddings import default_embedder
    from training.logistic import fit_logistic

    started = time.perf_counter()
    pairs, labels = read_msrp(args.data)
    sts = [p for p in read_sts(args.sts_train) if p.source != STS_EXCLUDED_SOURCE]
    scorer = similarity.ClaimScorer(default_embedder())
    loaded = time.perf_counter()
    features = scorer.pair_features(pairs)
    featured = time.perf_counter()
    sts_features = scorer.pair_features([(p.sentence_a, p.sentence_b) for p in sts])
    sts_labels = np.array([p.gold >= STS_SAME_CLAIM for p in sts], dtype=np.float64)
    fixed = {similarity.FEATURES.index("number_conflict"): similarity.NUMBER_CONFLICT_WEIGHT}

    def claim_model(train: np.ndarray, rows: np.ndarray) -> np.ndarray:
        intercept, weights = fit_logistic(
            np.vstack([features[train], sts_features]), np.concatenate([labels[train], sts_labels]), L2, fixed
        )
        return similarity.score_features(features[rows], intercept, weights)

    def cosine_only(train: np.ndarray, rows: np.ndarray) -> np.ndarray:
        return features[rows, 0]

    shipped = similarity.score_features(features)
    threshold = QUICK_CLAIM_THRESHOLD
    cosine = features[:, 0]
    positives = int(labels.sum())
    print(
        f"MSRP {args.data.name}: {len(labels)} pairs ({positives} same claim, {len(labels) - positives} not)"
    )
    claim_folds = cross_validate(labels, args.folds, claim_model)
    print(f"  {args.folds}-fold cross-validated claim model: {summarise(claim_folds)}")
    cosine_folds = cross_validate(labels, args.folds, cosine_only)
    print(f"  {args.folds}-fold cross-validated cosine only:  {summarise(cosine_folds)}")
    print(
        f"  shipped constants, whole file (in-sample):  {evaluate(shipped >= threshold, labels)}"
        f"  at QUICK_CLAIM_THRESHOLD {threshold}"
    )
    cosine_threshold = best_threshold(cosine, labels)
    print(
        f"  cosine only, best threshold on whole file:  {evaluate(cosine >= cosine_threshold, labels)}"
        f"  at cosine {cosine_threshold}"
    )
    print(f"  majority class (all same claim):            {evaluate(np.ones(len(labels), bool), labels)}")
    print(f"  {PUBLISHED}")
    cv_f1 = float(np.mean([r.f1 for r in claim_folds]))
    print(f"  target {'met' if cv_f1 >= TARGET_F1 else 'NOT met'} (cross-validated F1 {cv_f1:.1f})")
    print(
        f"  model load {loaded - started:.2f} s; features for {2 * len(pairs)} sentences "
        f"{featured - loaded:.2f} s ({2 * len(pairs) / (featured - loaded):.0f} sentences/s); "
        f"total {time.perf_counter() - started:.1f} s"
    )

    if args.fit:
        intercept, weights = fit_logistic(
            np.vstack([features, sts_features]), np.concatenate([labels, sts_labels]), L2, fixed
        )
        threshold = best_threshold(similarity.score_features(features, intercept, weights), labels)
        print("\n# Paste into src/newsprism/comparison/similarity.py")
        print(f"INTERCEPT = {intercept:.4f}")
        print("COEFFICIENTS: dict[str, float] = {")
        for name, weight in zip(similarity.FEATURES, weights, strict=True):
            value = "NUMBER_CONFLICT_WEIGHT" if name == "number_conflict" else f"{weight:.4f}"
            print(f'    "{name}": {value},')
        print("}")
        print(f"QUICK_CLAIM_THRESHOLD = {threshold}  # in comparison/options.py")


if __name__ == "__main__":
    main()
