"""Fit the alignment's link model (src/newsprism/comparison/link_model.json) on ECB+ sentence pairs.

Pairs: ../shared/data/ecbplus/align_dev.jsonl, topics 1-22 (PROVENANCE.md, "Alignment pairs"): two sentences
of one happening (same_chain, 1) or of the look-alike happening of the same topic (other_event, 0). The
features are the product's own (comparison/link_model.py), the TF-IDF counted over the topic's documents as
a story's are counted over its articles. A logistic model (Newton's method, numpy), cross-validated over
topics in two folds (odd / even): the figures printed are the out-of-fold pair precision and recall at the
alignment's threshold (options.LINK_THRESHOLD, chosen on whole comparisons: see there). The shipped weights
are fitted on all topics.

    python -m training.link_model
"""

from __future__ import annotations

import argparse
import json
from collections import defaultdict
from pathlib import Path

import numpy as np

from newsprism.comparison.link_model import LINK_FEATURES, MODEL_FILE, StoryTfidf, link_features
from newsprism.comparison.options import LINK_THRESHOLD
from newsprism.comparison.similarity import sentence_evidence
from newsprism.nlp.embeddings import default_embedder
from training.logistic import fit_logistic
from training.pairs import DATA

L2 = 1e-3


def topic_features(data: Path) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Features, labels and topics of every labelled pair."""
    documents = [
        json.loads(line) for line in (data / "ecbplus" / "align_dev_docs.jsonl").open(encoding="utf-8")
    ]
    topic_sentences: dict[int, list[str]] = defaultdict(list)
    for document in documents:
        topic_sentences[document["topic"]].extend(sentence["text"] for sentence in document["sentences"])
    rows = [json.loads(line) for line in (data / "ecbplus" / "align_dev.jsonl").open(encoding="utf-8")]
    texts = sorted({text for row in rows for text in (row["a"]["text"], row["b"]["text"])})
    vectors = dict(zip(texts, default_embedder().embed(texts), strict=True))
    tfidf = {topic: StoryTfidf(sentences) for topic, sentences in topic_sentences.items()}
    pairs = [(row["a"]["text"], row["b"]["text"]) for row in rows]
    features = link_features(
        [(sentence_evidence(a), sentence_evidence(b)) for a, b in pairs],
        np.array([float(vectors[a] @ vectors[b]) for a, b in pairs]),
        np.array([tfidf[row["topic"]].cosine(a, b) for row, (a, b) in zip(rows, pairs, strict=True)]),
    )
    return (
        features,
        np.array([row["label"] for row in rows], dtype=float),
        np.array([row["topic"] for row in rows]),
    )


def out_of_fold(features: np.ndarray, labels: np.ndarray, topics: np.ndarray) -> np.ndarray:
    """Each pair's probability from the model fitted on the other fold of topics (odd / even)."""
    scores = np.zeros(len(labels))
    odd = topics % 2 == 1
    for held_out in (odd, ~odd):
        intercept, weights = fit_logistic(features[~held_out], labels[~held_out], L2)
        scores[held_out] = 1.0 / (1.0 + np.exp(-(features[held_out] @ weights + intercept)))
    return scores


def precision_recall(scores: np.ndarray, labels: np.ndarray, threshold: float) -> tuple[float, float]:
    linked = scores >= threshold
    true = float((linked & (labels == 1)).sum())
    return true / max(float(linked.sum()), 1.0), true / float((labels == 1).sum())


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--out", type=Path, default=MODEL_FILE)
    arguments = parser.parse_args()
    features, labels, topics = topic_features(arguments.data)
    scores = out_of_fold(features, labels, topics)
    precision, recall = precision_recall(scores, labels, LINK_THRESHOLD)
    print(
        f"out-of-fold over topics at the link threshold {LINK_THRESHOLD}: "
        f"pair precision {precision:.3f}, recall {recall:.3f}"
    )
    intercept, weights = fit_logistic(features, labels, L2)
    model = {
        "about": "comparison/link_model.py's weights, by `python -m training.link_model` (make model)",
        "trained_on": "ECB+ align_dev.jsonl, topics 1-22: same_chain (1) vs other_event (0) sentence pairs",
        "out_of_fold_at_link_threshold": {
            "threshold": LINK_THRESHOLD,
            "precision": round(precision, 4),
            "recall": round(recall, 4),
        },
        "intercept": round(intercept, 6),
        "weights": {
            name: round(float(weight), 6) for name, weight in zip(LINK_FEATURES, weights, strict=True)
        },
    }
    arguments.out.write_text(json.dumps(model, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(model["weights"], indent=2))
    print(f"wrote {arguments.out}")


if __name__ == "__main__":
    main()
