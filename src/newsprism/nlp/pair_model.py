"""The trained same-claim cross-encoder (int8 ONNX, shipped in the package), run offline with onnxruntime.

It reads both sentences of a pair together and gives two probabilities: that they state the same claim
(trained on MSRP and hard news negatives) and how similar they are (trained on STS-B, 0..1 for 0..5). See
models/README.md for its data, licences and figures, and training/ for how `make model` rebuilds it.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from tokenizers import Encoding, Tokenizer

from newsprism.errors import NewsprismError
from newsprism.nlp.embeddings import INTRA_OP_THREADS, default_tokenizer_path
from newsprism.nlp.onnx_session import length_batches, load_session

PAIR_MODEL_ENV = "NEWSPRISM_PAIR_MODEL"
PACKAGED_PAIR_MODEL = Path(__file__).parent / "models" / "claim_pairs.onnx"
# The length the model was trained with (training/fit.py), the longer sentence cut first.
MAX_TOKENS = 128
BATCH_SIZE = 32
SAME_CLAIM, SIMILARITY = 0, 1


def default_pair_model_path() -> Path:
    override = os.environ.get(PAIR_MODEL_ENV)
    return Path(override) if override else PACKAGED_PAIR_MODEL


class PairModel:
    """Score sentence pairs with the cross-encoder; returns an (n, 2) array of probabilities."""

    def __init__(self, model_path: Path | None = None, tokenizer_path: Path | None = None) -> None:
        model_path = model_path or default_pair_model_path()
        if not model_path.is_file():
            raise NewsprismError(
                f"The same-claim model was not found at {model_path}: reinstall newsprism, or set "
                f"{PAIR_MODEL_ENV} to the file's path."
            )
        self._session = load_session(model_path, INTRA_OP_THREADS)
        self._tokenizer = Tokenizer.from_file(str(tokenizer_path or default_tokenizer_path()))
        self._tokenizer.enable_truncation(MAX_TOKENS, strategy="longest_first")
        self._tokenizer.no_padding()

    def predict(self, pairs: Sequence[tuple[str, str]]) -> np.ndarray:
        """Probabilities (same claim, similarity) of each pair, in order."""
        scores = np.zeros((len(pairs), 2), dtype=np.float64)
        if not pairs:
            return scores
        encodings = self._tokenizer.encode_batch(list(pairs))
        for rows in length_batches([len(encoding.ids) for encoding in encodings], BATCH_SIZE):
            scores[rows] = self._run([encodings[row] for row in rows])
        return scores

    def _run(self, encodings: Sequence[Encoding]) -> np.ndarray:
        width = max(len(encoding.ids) for encoding in encodings)
        shape = (len(encodings), width)
        input_ids = np.zeros(shape, dtype=np.int64)
        attention_mask = np.zeros(shape, dtype=np.int64)
        token_type_ids = np.zeros(shape, dtype=np.int64)
        for row, encoding in enumerate(encodings):
            length = len(encoding.ids)
            input_ids[row, :length] = encoding.ids
            attention_mask[row, :length] = 1
            token_type_ids[row, :length] = encoding.type_ids
        (logits,) = self._session.run(
            ["logits"],
            {"input_ids": input_ids, "attention_mask": attention_mask, "token_type_ids": token_type_ids},
        )
        return 1.0 / (1.0 + np.exp(-logits.astype(np.float64)))


_default: PairModel | None = None
_default_lock = threading.Lock()


def default_pair_model() -> PairModel:
    """The process-wide pair model, loaded on first use."""
    global _default
    if _default is None:
        with _default_lock:
            if _default is None:
                _default = PairModel()
    return _default
