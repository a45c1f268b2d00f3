"""Whether two sentences of one story report the same thing: the link model that decides the alignment.

A logistic model over evidence of two kinds, trained on real reports (ECB+ sentence pairs of one
happening against pairs from a look-alike happening of the same topic; training/link_model.py):
- the quick score's features (MiniLM cosine, shared content words, figures, names, lengths; similarity.py),
  with the figures read as they are: a different figure is evidence of a different happening;
- the TF-IDF cosine over the story's own sentences: words rare in the story (a place, a name, a number of
  victims) weigh most, which is what sets two look-alike events apart.
The trained pair model (nlp/pair_model.py) was a third input and was left out: fitted with the others, its
logit got a weight of -0.06 and changed no figure (a paraphrase model says little about whether two different
statements report one happening), while judging the candidates would have doubled a comparison's time. As a
second route for paraphrases (link where the link model gives at least 0.5 and the pair model 0.98) it cost
precision on ECB+ (0.963 to 0.952 out of fold) and linked none more of the example stories' planted pairs.
The weights live in link_model.json beside this file, written by `make model`; the threshold a link needs
is options.LINK_THRESHOLD.

"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np

from newsprism.comparison.annotate import AnnotatedSentence
from newsprism.comparison.similarity import FEATURES, SentenceEvidence, pair_features_of

LINK_FEATURES: tuple[str, ...] = (*FEATURES, "tfidf_cosine")
MODEL_FILE = Path(__file__).with_name("link_model.json")
_WORD = re.compile(r"[a-z0-9]+")


@dataclass(frozen=True)
class LinkModel:
    intercept: float
    weights: tuple[float, ...]

    def probabilities(self, features: np.ndarray) -> np.ndarray:
        return 1.0 / (1.0 + np.exp(-(features @ np.array(self.weights) + self.intercept)))


@cache
def link_model(path: Path = MODEL_FILE) -> LinkModel:
    """The shipped link model (weights named as LINK_FEATURES)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    weights = tuple(float(data["weights"][name]) for name in LINK_FEATURES)
    return LinkModel(float(data["intercept"]), weights)


class StoryTfidf:
    """TF-IDF vectors of sentences, the document frequencies counted over one story's sentences."""

    def __init__(self, sentences: Sequence[str]) -> None:
        self._frequency = Counter(word for sentence in sentences for word in set(_words(sentence)))
        self._count = max(len(sentences), 1)
        self._vectors: dict[str, dict[str, float]] = {}

    def cosine(self, a: str, b: str) -> float:
        vector_a, vector_b = self._vector(a), self._vector(b)
        return sum(weight * vector_b.get(word, 0.0) for word, weight in vector_a.items())

    def _vector(self, sentence: str) -> dict[str, float]:
        # A sentence is a candidate against several others: its vector is built once.
        if sentence not in self._vectors:
            self._vectors[sentence] = self._new_vector(sentence)
        return self._vectors[sentence]

    def _new_vector(self, sentence: str) -> dict[str, float]:
        counts = Counter(_words(sentence))
        weights = {
            word: count * math.log(self._count / self._frequency.get(word, 1))
            for word, count in counts.items()
        }
        norm = math.sqrt(sum(value * value for value in weights.values())) or 1.0
        return {word: value / norm for word, value in weights.items()}


def _words(sentence: str) -> list[str]:
    return _WORD.findall(sentence.lower())


def link_features(
    evidence: Sequence[tuple[SentenceEvidence, SentenceEvidence]],
    cosines: np.ndarray,
    tfidf_cosines: np.ndarray,
) -> np.ndarray:
    """The (len(pairs), len(LINK_FEATURES)) feature array of sentence pairs."""
    quick = pair_features_of([a for a, _ in evidence], [b for _, b in evidence], cosines)
    return np.column_stack([quick, tfidf_cosines])


class StoryLinkJudge:
    """The alignment's judge for one story: link probabilities of candidate sentence pairs."""

    def __init__(
        self,
        sentences: Iterable[AnnotatedSentence],
        vectors: Callable[[AnnotatedSentence], np.ndarray],
        model: LinkModel | None = None,
    ) -> None:
        self._tfidf = StoryTfidf([sentence.text for sentence in sentences])
        self._vectors = vectors
        self.model = model or link_model()

    def same_claim(self, pairs: Sequence[tuple[AnnotatedSentence, AnnotatedSentence]]) -> np.ndarray:
        if not pairs:
            return np.zeros(0)
        cosines = np.array([float(self._vectors(a) @ self._vectors(b)) for a, b in pairs])
        tfidf = np.array([self._tfidf.cosine(a.text, b.text) for a, b in pairs])
        features = link_features([(a.evidence, b.evidence) for a, b in pairs], cosines, tfidf)
        return self.model.probabilities(features)
