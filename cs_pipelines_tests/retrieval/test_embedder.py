"""The real embedding model (packaged all-MiniLM-L6-v2, local, no download) and its texts."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import polars as pl
import pytest

from cs_pipelines.retrieval import (
    CommitIndex,
    CommitIndexConfig,
    Embedder,
    ModelNotFoundError,
    build_or_update,
    embedding_text,
    embedding_text_expr,
    resolve_model,
)
from cs_pipelines.retrieval import embedder as embedder_module


@pytest.fixture(scope="module")
def embedder() -> Embedder:
    return Embedder(batch_size=8)


# ------------------------------------------------------------------------ resolve_model


@pytest.mark.parametrize("name", ["all-MiniLM-L6-v2", "sentence-transformers/all-MiniLM-L6-v2"])
def test_packaged_names_resolve_to_the_packaged_folder(name: str) -> None:
    folder = Path(resolve_model(name))
    assert (folder / "modules.json").is_file() and (folder / "model.safetensors").is_file()


def test_existing_folder_resolves_to_itself(tmp_path: Path) -> None:
    assert resolve_model(str(tmp_path)) == str(tmp_path.resolve())


def test_unknown_model_needs_hub_permission() -> None:
    with pytest.raises(ModelNotFoundError) as error:
        resolve_model("BAAI/bge-small-en-v1.5")
    message = str(error.value)
    assert "allow_hub_download" in message and "all-MiniLM-L6-v2" in message
    assert resolve_model("BAAI/bge-small-en-v1.5", allow_hub_download=True) == (
        "BAAI/bge-small-en-v1.5"
    )


def test_a_folder_without_a_model_fails_with_model_not_found(tmp_path: Path) -> None:
    (tmp_path / "config.json").write_text("{not json")
    with pytest.raises(ModelNotFoundError, match="could not load"):
        Embedder(str(tmp_path))


# ------------------------------------------------------------------------------ encode


def test_encode_shape_norm_and_order(embedder: Embedder) -> None:
    texts = [
        "Add RSI indicator",
        "Fix the position sizing when the account balance is zero in the risk module",
        "x",
    ]
    vectors = embedder.encode(texts)
    assert embedder.name == "all-MiniLM-L6-v2" and embedder.dimension == 384
    assert vectors.shape == (3, 384) and vectors.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, rtol=1e-5)
    one_by_one = np.vstack([embedder.encode([text]) for text in texts])
    np.testing.assert_allclose(vectors, one_by_one, atol=1e-5)  # length sorting is undone
    assert embedder.encode([]).shape == (0, 384)


def test_related_texts_score_higher_than_unrelated(embedder: Embedder) -> None:
    query, close, far = embedder.encode(
        [
            "compute the relative strength index of closing prices",
            "Add RSI indicator calculation to the strategy",
            "Fix typo in the installation instructions of the README",
        ]
    )
    assert query @ close > query @ far + 0.1


def test_progress_is_logged_for_long_work(
    embedder: Embedder, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(embedder_module, "PROGRESS_EVERY_S", 0.0)
    messages: list[str] = []
    embedder.encode([f"commit {i}" for i in range(300)], log=messages.append)
    assert messages and messages[-1].startswith("embedded 300/300 texts")


def test_from_config() -> None:
    config = CommitIndexConfig(batch_size=4, max_seq_length=32)
    built = Embedder.from_config(config)
    assert (built.batch_size, built.max_seq_length, built._model.max_seq_length) == (4, 32, 32)


# ------------------------------------------------------------------------- the texts


def test_embedding_text_with_and_without_code() -> None:
    plain, with_code = CommitIndexConfig(), CommitIndexConfig(include_code=True, code_chars=5)
    assert embedding_text("  Add RSI  ", "+rsi = 1", plain) == "Add RSI"
    assert embedding_text("Add RSI", "+rsi = 1", with_code) == "Add RSI\n+rsi "
    assert embedding_text("Add RSI", None, with_code) == "Add RSI"
    assert embedding_text(None, "", with_code) == ""


@pytest.mark.parametrize("include_code", [False, True])
def test_polars_texts_match_the_scalar_function(include_code: bool) -> None:
    config = CommitIndexConfig(include_code=include_code, code_chars=7)
    frame = pl.DataFrame(
        {
            "instruction": [" Añadir RSI ", None, "Fix 止损 logic", "Tab\tinside\n"],
            "diff": ["+ü = 1\n+é = 2", "+x", None, ""],
        }
    )
    vectorised = frame.select(embedding_text_expr(config))["text"].to_list()
    expected = [embedding_text(i, d, config) for i, d in frame.iter_rows()]
    assert vectorised == expected


# ------------------------------------------------------------------------ end to end


def test_real_model_index_retrieves_the_relevant_commit(embedder: Embedder, tmp_path: Path) -> None:
    subjects = [
        "Add moving average crossover entry signal",
        "Fix stop loss order being placed twice on partial fills",
        "Add Bollinger band width indicator",
        "Reduce memory use of the OHLCV candle loader",
        "Retry exchange API calls on rate limit errors",
        "Add unit tests for the Kelly position sizing helper",
    ]
    frame = pl.DataFrame(
        {
            "instruction": subjects,
            "repo": ["strategies"] * len(subjects),
            "sha": [f"{i:040x}" for i in range(len(subjects))],
        }
    )
    update = build_or_update(frame, tmp_path, embedder, CommitIndexConfig())
    assert update.manifest.model == "all-MiniLM-L6-v2" and update.manifest.dimension == 384
    index = CommitIndex.load(tmp_path)
    queries = embedder.encode(
        ["golden cross of two SMAs triggers a buy", "handle HTTP 429 from the exchange"]
    )
    _, ids = index.search(queries, k=1)
    assert index.lookup(ids[:, 0])["instruction"].to_list() == [subjects[0], subjects[4]]
