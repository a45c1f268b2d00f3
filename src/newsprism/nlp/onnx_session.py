"""The MiniLM ONNX graph on onnxruntime: a session on the CPU, and a batch of encodings run through it."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

import numpy as np
import onnxruntime as ort
from tokenizers import Encoding

from newsprism.errors import NewsprismError

# Padded tokens in one batch, at most: a batch of long sentences holds fewer of them. onnxruntime's buffers
# grow with rows x tokens^2: seven 256-token sentences in one batch took 200-400 MB more at peak than two at a
# time (fuzz/run.py found it); 16 news sentences of 32 tokens still share a batch, embedding 3,000 NeuS
# sentences as fast as with 2,048 (15-18 s either way, on a loaded machine).
MAX_BATCH_TOKENS = 512


def length_batches(lengths: Sequence[int], max_rows: int) -> Iterator[list[int]]:
    """Indices of `lengths` in batches of like length, within max_rows and MAX_BATCH_TOKENS padded tokens."""
    order = sorted(range(len(lengths)), key=lengths.__getitem__)
    batch: list[int] = []
    for index in order:
        # Sorted ascending: this item is the longest of the batch it joins.
        if batch and (len(batch) == max_rows or (len(batch) + 1) * lengths[index] > MAX_BATCH_TOKENS):
            yield batch
            batch = []
        batch.append(index)
    if batch:
        yield batch


def embed_batch(session: ort.InferenceSession, encodings: Sequence[Encoding]) -> np.ndarray:
    """Run the model on one batch of encodings and mean-pool its token vectors into unit vectors."""
    width = max(len(encoding.ids) for encoding in encodings)
    input_ids = np.zeros((len(encodings), width), dtype=np.int64)
    attention_mask = np.zeros((len(encodings), width), dtype=np.int64)
    for row, encoding in enumerate(encodings):
        input_ids[row, : len(encoding.ids)] = encoding.ids
        attention_mask[row, : len(encoding.ids)] = 1
    (hidden,) = session.run(
        ["last_hidden_state"],
        {
            "input_ids": input_ids,
            "attention_mask": attention_mask,
            "token_type_ids": np.zeros_like(input_ids),
        },
    )
    mask = attention_mask.astype(np.float32)
    pooled = np.matmul(mask[:, None, :], hidden)[:, 0, :] / np.maximum(mask.sum(axis=1, keepdims=True), 1.0)
    norms = np.linalg.norm(pooled, axis=1, keepdims=True)
    return (pooled / np.maximum(norms, 1e-12)).astype(np.float32)


# onnxruntime 1.32's fused SkipLayerNormalization is slower than the Add and LayerNormalization it replaces:
# without it the optimised model embeds ~30 % faster, on 1 thread as on 2.
DISABLED_OPTIMIZERS = ["SkipLayerNormFusion"]


def load_session(path: Path, threads: int) -> ort.InferenceSession:
    """Open the ONNX model on the CPU with a fixed number of intra-op threads."""
    options = ort.SessionOptions()
    options.intra_op_num_threads = threads
    options.inter_op_num_threads = 1
    # The arena keeps the largest batch's buffers for good: hostile texts grew a long-running process past
    # 1 GB (fuzz/run.py). Without it, embedding is as fast (bench: 3,000 sentences 12.7 s either way).
    options.enable_cpu_mem_arena = False
    # A memory pattern is kept for every input shape met: with sentences of every length the process grew
    # ~1.7 MB a comparison (fuzz texts, 90 comparisons: 255 -> 412 MB); without, it stays flat, as fast.
    options.enable_mem_pattern = False
    options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    # Spinning workers win 2-3 % on an idle machine but lose a third of the speed when anything else runs.
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    try:
        return ort.InferenceSession(
            str(path),
            sess_options=options,
            providers=["CPUExecutionProvider"],
            disabled_optimizers=DISABLED_OPTIMIZERS,
        )
    except Exception as error:  # onnxruntime raises its own untyped errors for unreadable files
        raise NewsprismError(f"The embedding model at {path} could not be loaded: {error}") from error
