"""The background embedder: the packaged model's vectors, in submission order, without losing a batch."""

from __future__ import annotations

import numpy as np

from newsprism.errors import NewsprismError
from newsprism.nlp.background import BackgroundEmbedder
from newsprism.nlp.embeddings import clustering_embedder

BATCHES = [
    ["Police fired tear gas at protesters in Port Asha on Friday night."],
    ["More than 4,000 residents were evacuated overnight.", "Shares in the company fell sharply."],
    ["The finance ministry said it would release 12 million marks."],
]


def _submit_all(background: BackgroundEmbedder) -> list[tuple[int, np.ndarray]]:
    results: list[tuple[int, np.ndarray]] = []
    key = 0
    for texts in BATCHES:
        keys = list(range(key, key + len(texts)))
        key += len(texts)
        results += background.submit(keys, texts)
    return results + background.finish()


def test_vectors_come_back_in_order_and_equal_the_embedders_own() -> None:
    background = BackgroundEmbedder(clustering_embedder, max_in_flight=1)
    try:
        results = _submit_all(background)
    finally:
        background.close()
    texts = [text for batch in BATCHES for text in batch]
    assert [key for key, _ in results] == list(range(len(texts)))
    expected = clustering_embedder().embed(texts)
    np.testing.assert_allclose(np.stack([vector for _, vector in results]), expected, atol=1e-6)


def test_a_batch_whose_embedder_fails_is_left_out_for_the_caller_to_embed_again() -> None:
    def missing_model() -> object:
        raise NewsprismError("The embedding model is not installed")

    background = BackgroundEmbedder(missing_model)  # type: ignore[arg-type]
    try:
        assert _submit_all(background) == []
    finally:
        background.close()


def test_nothing_submitted_gives_nothing() -> None:
    background = BackgroundEmbedder(clustering_embedder)
    try:
        assert background.submit([], []) == []
        assert background.finish() == []
    finally:
        background.close()
