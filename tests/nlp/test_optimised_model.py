"""Tests of the optimised copy of the embedding model: built and cached on first use, int8 with fused
attention, close to the shipped model's vectors, and the shipped model when it cannot be built."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

import numpy as np
import onnx
import pytest

from newsprism.nlp.embeddings import EMBEDDING_DIM, Embedder
from newsprism.nlp.optimised_model import _apply_onnxruntime_rewrites, optimised_model_name
from tests.nlp.test_embeddings import MEANING_CASES
from tests.nlp.test_embeddings import SENTENCES as EMBEDDER_SENTENCES

# The embedder's test sentences and its paraphrase cases, in that order.
SENTENCES = EMBEDDER_SENTENCES + [sentence for case in MEANING_CASES for sentence in case]


@pytest.fixture(scope="module")
def shipped() -> Embedder:
    return Embedder(optimise=False)


@pytest.fixture(scope="module")
def cache_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("cache")


@pytest.fixture(scope="module")
def optimised(cache_folder: Path) -> Embedder:
    return Embedder(cache_folder=cache_folder)


def test_the_optimised_model_is_cached_on_first_use(optimised: Embedder, cache_folder: Path) -> None:
    assert optimised.session_path == cache_folder / optimised_model_name(optimised.model_path)
    # Written to a temporary file, then renamed: nothing else is left behind.
    assert [path.name for path in cache_folder.iterdir()] == [optimised.session_path.name]


def test_a_second_embedder_reuses_the_cached_model_untouched(optimised: Embedder, cache_folder: Path) -> None:
    before = optimised.session_path.stat()
    again = Embedder(cache_folder=cache_folder)
    after = again.session_path.stat()
    assert again.session_path == optimised.session_path
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)
    np.testing.assert_array_equal(again.embed(SENTENCES), optimised.embed(SENTENCES))


def test_the_cached_model_multiplies_in_int8_with_fused_attention(optimised: Embedder) -> None:
    operators = {node.op_type for node in onnx.load(str(optimised.session_path)).graph.node}
    assert {"QAttention", "MatMulIntegerToFloat", "Gelu"} <= operators
    assert "MatMul" not in operators


def test_the_cached_model_is_saved_after_onnxruntimes_own_rewrites(optimised: Embedder, tmp_path: Path) -> None:
    # What onnxruntime would redo each time a process opens the model (folding constants) is done once: a
    # second pass of its rewrites finds nothing left to change.
    again = tmp_path / "again.onnx"
    shutil.copyfile(optimised.session_path, again)
    _apply_onnxruntime_rewrites(again)
    operators = [node.op_type for node in onnx.load(str(optimised.session_path)).graph.node]
    assert [node.op_type for node in onnx.load(str(again)).graph.node] == operators
    assert list(tmp_path.iterdir()) == [again]


def test_optimised_vectors_stay_close_to_the_shipped_models(shipped: Embedder, optimised: Embedder) -> None:
    # Over 2,947 GVA titles and leads: mean cosine 0.995, smallest 0.983 (bench/embed_speed.py prints both).
    cosines = np.sum(shipped.embed(SENTENCES) * optimised.embed(SENTENCES), axis=1)
    assert cosines.min() > 0.98
    assert cosines.mean() > 0.99


def test_optimised_vectors_do_not_depend_on_the_batch(optimised: Embedder) -> None:
    # Fixed activation ranges: a text's vector is the same alone, batched, or padded next to a long text.
    alone = np.vstack([optimised.embed([sentence]) for sentence in SENTENCES])
    np.testing.assert_allclose(optimised.embed(SENTENCES), alone, atol=1e-5)


def test_an_unwritable_cache_folder_falls_back_to_the_shipped_model(
    shipped: Embedder, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    # A folder that cannot be created (its parent is a file) fails even for root, unlike a chmod.
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    with caplog.at_level(logging.WARNING, logger="newsprism.nlp.optimised_model"):
        fallback = Embedder(cache_folder=blocker / "cache")
    assert fallback.session_path == fallback.model_path
    np.testing.assert_allclose(fallback.embed(SENTENCES), shipped.embed(SENTENCES), atol=1e-6)
    assert list(tmp_path.iterdir()) == [blocker]
    assert "slower" in caplog.text


def test_a_damaged_cached_model_is_built_again(optimised: Embedder, tmp_path: Path) -> None:
    damaged = tmp_path / optimised.session_path.name
    damaged.write_bytes(b"half a model")
    rebuilt = Embedder(cache_folder=tmp_path)
    assert rebuilt.session_path == damaged
    assert damaged.read_bytes() == optimised.session_path.read_bytes()


def test_a_model_that_cannot_be_optimised_runs_as_it_is(tmp_path: Path) -> None:
    # Same inputs and output as MiniLM, but no attention layer to rewrite: token id times a fixed vector.
    helper, tensor = onnx.helper, onnx.TensorProto
    inputs = [
        helper.make_tensor_value_info(name, tensor.INT64, ["batch", "sequence"])
        for name in ("input_ids", "attention_mask", "token_type_ids")
    ]
    output = helper.make_tensor_value_info("last_hidden_state", tensor.FLOAT, None)
    nodes = [
        helper.make_node("Cast", ["input_ids"], ["ids"], to=tensor.FLOAT),
        helper.make_node("Unsqueeze", ["ids", "last_axis"], ["column"]),
        helper.make_node("Mul", ["column", "direction"], ["last_hidden_state"]),
    ]
    constants = [
        onnx.numpy_helper.from_array(np.array([-1], dtype=np.int64), "last_axis"),
        onnx.numpy_helper.from_array(np.linspace(-1, 1, EMBEDDING_DIM, dtype=np.float32), "direction"),
    ]
    graph = helper.make_graph(nodes, "token-ids", inputs, [output], constants)
    model_file = tmp_path / "token-ids.onnx"
    onnx.save(helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)]), model_file)
    embedder = Embedder(model_path=model_file, cache_folder=tmp_path / "cache")
    assert embedder.session_path == model_file
    assert embedder.embed(SENTENCES).shape == (len(SENTENCES), EMBEDDING_DIM)
    assert list((tmp_path / "cache").glob("*")) == []


def test_the_cache_name_follows_the_model_files_content(tmp_path: Path) -> None:
    first, same, changed = tmp_path / "a.onnx", tmp_path / "b.onnx", tmp_path / "c.onnx"
    first.write_bytes(b"model one")
    same.write_bytes(b"model one")
    changed.write_bytes(b"model two")
    assert optimised_model_name(first) == optimised_model_name(same)
    assert optimised_model_name(first) != optimised_model_name(changed)
