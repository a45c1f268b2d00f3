"""The clustering embedder, loaded on first use: commands that only list stories never import onnxruntime."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from newsprism.nlp.background import TextEmbedder


def load_clustering_embedder() -> TextEmbedder:
    """The process-wide optimised copy of the packaged model (see nlp/embeddings.py)."""
    from newsprism.nlp.embeddings import clustering_embedder

    return clustering_embedder()


class ClusteringEmbedder:
    """Embeds with the embedder it was given, or with the packaged clustering model loaded on first use."""

    def __init__(self, embedder: TextEmbedder | None = None) -> None:
        self._embedder = embedder

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """Unit vectors as float32, one row per text."""
        if self._embedder is None:
            self._embedder = load_clustering_embedder()
        return np.asarray(self._embedder.embed(texts), dtype=np.float32)
