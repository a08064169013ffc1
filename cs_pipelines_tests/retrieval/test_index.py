"""The versioned FAISS index: building, incremental updates, crash safety, errors.

Most tests use :class:`FakeEmbedder` (hash-seeded vectors, counts what it embeds) so the index
logic runs in milliseconds; ``test_embedder.py`` covers the real model end to end.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np
import polars as pl
import pytest

from cs_pipelines.retrieval import (
    CommitIndex,
    CommitIndexConfig,
    DimensionMismatchError,
    EmptyIndexError,
    EmptyQueryError,
    IndexCorruptError,
    IndexNotFoundError,
    RetrievalError,
    build_or_update,
    current_version,
    recall_at_k,
)
from cs_pipelines.retrieval import index as index_module


class FakeEmbedder:
    """Vectors from a hash of the text; texts ``c<k>-...`` land near cluster centre ``k``."""

    def __init__(self, name: str = "fake", dimension: int = 16, spread: float = 0.3) -> None:
        self.name = name
        self.dimension = dimension
        self.max_seq_length = 256
        self.spread = spread
        self.calls: list[list[str]] = []
        centres = np.random.default_rng(12345).normal(size=(1000, dimension))
        self._centres = centres / np.linalg.norm(centres, axis=1, keepdims=True)

    @property
    def n_encoded(self) -> int:
        return sum(len(call) for call in self.calls)

    def encode(self, texts: Sequence[str], log: Callable[[str], None] | None = None) -> np.ndarray:
        self.calls.append(list(texts))
        out = np.zeros((len(texts), self.dimension), dtype=np.float32)
        for row, text in enumerate(texts):
            out[row] = self._vector(text)
        return out

    def _vector(self, text: str) -> np.ndarray:
        seed = int.from_bytes(hashlib.sha256(text.encode()).digest()[:8], "little")
        noise = np.random.default_rng(seed).normal(size=self.dimension)
        if text.startswith("c") and "-" in text and text[1 : text.index("-")].isdigit():
            vector = self._centres[int(text[1 : text.index("-")])] + self.spread * noise / 4
        else:
            vector = noise
        return (vector / np.linalg.norm(vector)).astype(np.float32)


def instructions(
    n: int, repo: str = "repo", prefix: str = "Add feature", clusters: int = 0
) -> pl.DataFrame:
    """``n`` commit-instruction rows (the columns build_or_update reads)."""
    texts = [
        f"c{i % clusters}-{prefix} {i}" if clusters else f"{prefix} number {i}" for i in range(n)
    ]
    return pl.DataFrame(
        {
            "instruction": texts,
            "repo": [repo] * n,
            "sha": [f"{i:040x}" for i in range(n)],
            "diff": [f"--- a/f{i}.py\n+++ b/f{i}.py\n+x = {i}\n" for i in range(n)],
            "language": ["Python"] * n,
            "old_path": [f"f{i}.py" for i in range(n)],
            "new_path": [f"f{i}.py" for i in range(n)],
        }
    )


def config(**overrides: object) -> CommitIndexConfig:
    return CommitIndexConfig(**overrides)  # type: ignore[arg-type]


def build(frame: pl.DataFrame, root: Path, embedder: FakeEmbedder | None = None, **overrides):
    return build_or_update(frame, root, embedder or FakeEmbedder(), config(**overrides))


def ids_by_sha(index: CommitIndex) -> dict[str, int]:
    return dict(zip(index.payload["sha"], index.payload["vector_id"], strict=True))


# ----------------------------------------------------------------------------- building


def test_full_build_then_search_finds_each_row(tmp_path: Path) -> None:
    embedder = FakeEmbedder()
    update = build(instructions(50), tmp_path, embedder)
    assert (update.mode, update.n_vectors, update.n_added, update.reason) == (
        "full",
        50,
        50,
        "no previous index",
    )
    index = CommitIndex.load(tmp_path)
    m = index.manifest
    assert (m.model, m.dimension, m.kind, m.n_vectors, m.version) == (
        "fake",
        16,
        "flat",
        50,
        update.version,
    )
    assert m.params["metric"] == "inner_product" and m.built_at.endswith("+00:00")
    assert index.payload.columns[:9] == [
        "vector_id",
        "repo",
        "sha",
        "text_hash",
        "language",
        "instruction",
        "diff",
        "old_path",
        "new_path",
    ]
    assert index.payload["vector_id"].dtype == pl.Int64
    vectors = index.vectors()
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, rtol=1e-5)
    scores, ids = index.search(vectors[:5], k=3)
    assert scores.shape == ids.shape == (5, 3)
    np.testing.assert_array_equal(ids[:, 0], index.payload["vector_id"][:5].to_numpy())
    np.testing.assert_allclose(scores[:, 0], 1.0, rtol=1e-5)
    assert index.lookup(ids[:1, :1])["sha"].to_list() == [index.payload["sha"][0]]
    assert current_version(tmp_path) == update.version


def test_fewer_hits_than_k_pad_with_minus_one(tmp_path: Path) -> None:
    build(instructions(3), tmp_path)
    index = CommitIndex.load(tmp_path)
    for search in (index.search, index.exact_search):
        scores, ids = search(index.vectors()[0], k=5)  # a single 1-D query works too
        assert ids.shape == (1, 5) and (ids[0, 3:] == -1).all() and np.isneginf(scores[0, 3:]).all()
    assert len(index.lookup(ids[0])) == 3


def test_flat_below_threshold_ivf_above(tmp_path: Path) -> None:
    small = build(instructions(100), tmp_path / "small", exact_max_vectors=100)
    large = build(instructions(400), tmp_path / "large", exact_max_vectors=100)
    assert small.manifest.kind == "flat"
    assert large.manifest.kind == "ivf"
    # about 4*sqrt(400) = 80 lists, capped at 400 // 39 = 10 for training
    assert large.manifest.params["nlist"] == 10 and large.manifest.params["nprobe"] == 32
    index = CommitIndex.load(tmp_path / "large")
    assert "IVF" in type(index._index).__name__


def test_exact_search_matches_flat_search(tmp_path: Path) -> None:
    build(instructions(200), tmp_path)
    index = CommitIndex.load(tmp_path)
    queries = FakeEmbedder().encode(["unrelated query one", "another query"])
    flat_scores, flat_ids = index.search(queries, 10)
    exact_scores, exact_ids = index.exact_search(queries, 10)
    np.testing.assert_array_equal(flat_ids, exact_ids)
    np.testing.assert_allclose(flat_scores, exact_scores, rtol=1e-5)
    assert recall_at_k(index) == 1.0


def test_duplicate_keys_and_missing_optional_columns(tmp_path: Path) -> None:
    frame = instructions(5).select("instruction", "repo", "sha")
    update = build(pl.concat([frame, frame.head(2)]), tmp_path)
    assert update.n_vectors == 5
    payload = CommitIndex.load(tmp_path).payload
    assert payload["diff"].null_count() == 5
    with pytest.raises(ValueError, match="instruction"):
        build(frame.drop("instruction"), tmp_path)


def test_progress_is_logged(tmp_path: Path) -> None:
    messages: list[str] = []
    build_or_update(instructions(10), tmp_path, FakeEmbedder(), config(), log=messages.append)
    assert any("embedding 10 texts" in m for m in messages)
    assert any("version" in m for m in messages)


# -------------------------------------------------------------------------- incremental


def changed_frame(frame: pl.DataFrame) -> pl.DataFrame:
    """Drop rows 0-4, reword rows 10-12, add 7 rows from another repository."""
    reworded = pl.Series(
        [f"Reworded {i}" if 10 <= i <= 12 else t for i, t in enumerate(frame["instruction"])]
    )
    kept = frame.with_columns(instruction=reworded).slice(5)
    return pl.concat([kept, instructions(7, repo="other", prefix="Brand new")])


@pytest.mark.parametrize("kind", ["flat", "ivf", "hnsw"])
def test_incremental_embeds_only_new_and_changed_rows(tmp_path: Path, kind: str) -> None:
    frame = instructions(200)
    build(frame, tmp_path, index_kind=kind)
    before = CommitIndex.load(tmp_path)
    embedder = FakeEmbedder()
    update = build(changed_frame(frame), tmp_path, embedder, index_kind=kind)

    assert (update.mode, update.n_added, update.n_changed, update.n_removed) == (
        "incremental",
        7,
        3,
        5,
    )
    assert embedder.n_encoded == 10
    assert sorted(embedder.calls[0]) == sorted(
        [f"Reworded {i}" for i in (10, 11, 12)] + [f"Brand new number {i}" for i in range(7)]
    )
    after = CommitIndex.load(tmp_path)
    assert after.manifest.kind == kind and after.manifest.n_vectors == update.n_vectors == 202
    assert after._index.ntotal == 202
    old_ids, new_ids = ids_by_sha(before), ids_by_sha(after)
    main = after.payload.filter(pl.col("repo") == "repo")
    for sha in main["sha"]:  # unchanged and changed rows keep their ids
        assert new_ids[sha] == old_ids[sha]
    added = after.payload.filter(pl.col("repo") == "other")["vector_id"].to_list()
    assert min(added) >= 200  # new ids never reuse removed ones
    removed = [old_ids[f"{i:040x}"] for i in range(5)]
    _, found = after.search(after.vectors(), k=after.manifest.n_vectors)
    assert not np.isin(found, removed).any()
    with pytest.raises(KeyError):
        after.vectors(np.array(removed))
    # a reworded row is found by its new text
    query = FakeEmbedder().encode(["Reworded 11"])
    _, top = after.search(query, 1)
    assert after.lookup(top)["instruction"].to_list() == ["Reworded 11"]


def test_unchanged_is_a_no_op(tmp_path: Path) -> None:
    frame = instructions(30)
    first = build(frame, tmp_path)
    embedder = FakeEmbedder()
    again = build(frame.sample(fraction=1.0, shuffle=True, seed=1), tmp_path, embedder)
    assert (again.mode, again.version, embedder.n_encoded) == ("unchanged", first.version, 0)
    assert [p.name for p in (tmp_path / "versions").iterdir()] == [first.version]


def test_payload_only_change_writes_a_version_without_embedding(tmp_path: Path) -> None:
    frame = instructions(30)
    first = build(frame, tmp_path)
    embedder = FakeEmbedder()
    update = build(frame.with_columns(language=pl.lit("Cython")), tmp_path, embedder)
    assert update.mode == "incremental" and update.version != first.version
    assert embedder.n_encoded == 0
    assert CommitIndex.load(tmp_path).payload["language"].unique().to_list() == ["Cython"]


def test_model_change_rebuilds_everything_and_keeps_ids(tmp_path: Path) -> None:
    frame = instructions(30)
    build(frame, tmp_path)
    ids_before = ids_by_sha(CommitIndex.load(tmp_path))
    other = FakeEmbedder(name="other-model", dimension=8)
    update = build(frame, tmp_path, other)
    assert update.mode == "full" and other.n_encoded == 30
    assert update.reason == "model changed from 'fake' to 'other-model'"
    index = CommitIndex.load(tmp_path)
    assert (index.manifest.model, index.manifest.dimension) == ("other-model", 8)
    assert ids_by_sha(index) == ids_before


def test_include_code_change_rebuilds_everything(tmp_path: Path) -> None:
    frame = instructions(10)
    build(frame, tmp_path)
    embedder = FakeEmbedder()
    update = build(frame, tmp_path, embedder, include_code=True, code_chars=10)
    assert update.mode == "full" and update.reason == "include_code changed from False to True"
    assert embedder.n_encoded == 10
    assert "Add feature number 0\n--- a/f0.p" in embedder.calls[0]  # code_chars=10
    assert CommitIndex.load(tmp_path).manifest.include_code is True


def test_index_kind_change_rebuilds_structure_without_embedding(tmp_path: Path) -> None:
    frame = instructions(120)
    build(frame, tmp_path)
    embedder = FakeEmbedder()
    update = build(frame, tmp_path, embedder, index_kind="hnsw", hnsw_m=8)
    assert update.mode == "incremental" and embedder.n_encoded == 0
    index = CommitIndex.load(tmp_path)
    assert index.manifest.kind == "hnsw" and index.manifest.params["m"] == 8
    assert recall_at_k(index, k=10) >= 0.95


def test_empty_input_gives_a_valid_empty_index(tmp_path: Path) -> None:
    update = build(instructions(0), tmp_path)
    assert (update.mode, update.n_vectors, update.manifest.kind) == ("full", 0, "flat")
    index = CommitIndex.load(tmp_path)
    assert index.vectors().shape == (0, 16) and recall_at_k(index) == 1.0
    with pytest.raises(EmptyIndexError, match="no commit instructions yet") as error:
        index.search(np.ones((1, 16), dtype=np.float32), 5)
    assert "make run" in str(error.value)
    with pytest.raises(EmptyIndexError):
        index.exact_search(np.ones(16, dtype=np.float32), 0)  # even for k=0 (min(k, n))
    again = build(instructions(0), tmp_path)
    assert again.mode == "unchanged"
    grown = build(instructions(4), tmp_path)
    assert (grown.mode, grown.n_added) == ("incremental", 4)


def test_everything_removed_gives_an_empty_index(tmp_path: Path) -> None:
    build(instructions(20), tmp_path, index_kind="ivf")
    update = build(instructions(0), tmp_path, index_kind="ivf")
    assert (update.mode, update.n_removed, update.n_vectors) == ("incremental", 20, 0)
    assert CommitIndex.load(tmp_path).manifest.n_vectors == 0


# ------------------------------------------------------------------------ approximate


def test_ivf_recall_on_clustered_vectors(tmp_path: Path) -> None:
    update = build(instructions(6000, clusters=60), tmp_path, exact_max_vectors=1000)
    assert update.manifest.kind == "ivf" and update.manifest.params["nlist"] == 153
    index = CommitIndex.load(tmp_path)
    assert recall_at_k(index, k=10, n_queries=200) >= 0.95


def test_hnsw_update_rebuilds_the_graph_from_stored_vectors(tmp_path: Path) -> None:
    frame = instructions(300, clusters=10)
    build(frame, tmp_path, index_kind="hnsw")
    messages: list[str] = []
    embedder = FakeEmbedder()
    smaller = frame.slice(20).with_columns(
        instruction=pl.when(pl.col("sha") == f"{25:040x}")
        .then(pl.lit("c3-changed"))
        .otherwise("instruction")
    )
    update = build_or_update(
        smaller, tmp_path, embedder, config(index_kind="hnsw"), messages.append
    )
    assert (update.n_removed, update.n_changed, embedder.n_encoded) == (20, 1, 1)
    assert any("HNSW cannot remove" in m for m in messages)
    index = CommitIndex.load(tmp_path)
    assert index._index.ntotal == 280
    assert recall_at_k(index) >= 0.95


def test_hnsw_additions_are_added_in_place(tmp_path: Path) -> None:
    frame = instructions(100)
    build(frame, tmp_path, index_kind="hnsw")
    messages: list[str] = []
    grown = pl.concat([frame, instructions(5, repo="new")])
    build_or_update(grown, tmp_path, FakeEmbedder(), config(index_kind="hnsw"), messages.append)
    assert any("updated the hnsw index: +5" in m for m in messages)
    assert CommitIndex.load(tmp_path)._index.ntotal == 105


# ------------------------------------------------------------------- crash and errors


def test_crash_before_switch_leaves_previous_version(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = build(instructions(20), tmp_path)

    def crash(root: Path, version: str) -> None:
        raise OSError("simulated crash before the switch")

    monkeypatch.setattr(index_module, "_switch_current", crash)
    with pytest.raises(OSError, match="simulated crash"):
        build(instructions(25), tmp_path)
    assert len(list((tmp_path / "versions").iterdir())) == 2  # the new one was fully written
    index = CommitIndex.load(tmp_path)
    assert (index.version, index.manifest.n_vectors) == (first.version, 20)

    monkeypatch.undo()
    second = build(instructions(25), tmp_path)
    third = build(instructions(30), tmp_path)
    assert second.mode == third.mode == "incremental"
    assert sorted(p.name for p in (tmp_path / "versions").iterdir()) == [
        second.version,
        third.version,
    ]


def test_crash_while_writing_leaves_previous_version(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = build(instructions(20), tmp_path)

    def broken_write(*args: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(index_module.faiss, "write_index", broken_write)
    with pytest.raises(OSError, match="disk full"):
        build(instructions(25), tmp_path)
    assert CommitIndex.load(tmp_path).version == first.version


def test_no_index_raises_not_found(tmp_path: Path) -> None:
    with pytest.raises(IndexNotFoundError, match="make run"):
        CommitIndex.load(tmp_path / "nothing")
    assert current_version(tmp_path / "nothing") is None


@pytest.mark.parametrize("name", ["manifest.json", "payload.parquet", "vectors.npy", "index.faiss"])
@pytest.mark.parametrize("damage", ["missing", "garbage"])
def test_missing_or_corrupt_file_is_named(tmp_path: Path, name: str, damage: str) -> None:
    update = build(instructions(10), tmp_path)
    path = tmp_path / "versions" / update.version / name
    if damage == "missing":
        path.unlink()
    else:
        path.write_bytes(b"not what you expected")
    with pytest.raises(IndexCorruptError) as error:
        CommitIndex.load(tmp_path)
    assert str(path) in str(error.value) and "make run" in str(error.value)


def test_inconsistent_files_are_corrupt(tmp_path: Path) -> None:
    update = build(instructions(10), tmp_path)
    np.save(tmp_path / "versions" / update.version / "vectors.npy", np.zeros((9, 16), np.float32))
    with pytest.raises(IndexCorruptError, match=r"vectors\.npy is inconsistent"):
        CommitIndex.load(tmp_path)


def test_current_naming_a_missing_version_is_corrupt(tmp_path: Path) -> None:
    build(instructions(10), tmp_path)
    (tmp_path / "CURRENT").write_text("000099-gone\n")
    with pytest.raises(IndexCorruptError, match="000099-gone"):
        CommitIndex.load(tmp_path)


def test_a_corrupt_index_is_rebuilt_in_full(tmp_path: Path) -> None:
    update = build(instructions(10), tmp_path)
    (tmp_path / "versions" / update.version / "index.faiss").write_bytes(b"junk")
    embedder = FakeEmbedder()
    rebuilt = build(instructions(10), tmp_path, embedder)
    assert rebuilt.mode == "full" and rebuilt.reason.startswith("previous index unreadable")
    assert embedder.n_encoded == 10
    assert CommitIndex.load(tmp_path).manifest.n_vectors == 10


def test_dimension_mismatch_names_both(tmp_path: Path) -> None:
    build(instructions(10), tmp_path)
    index = CommitIndex.load(tmp_path)
    with pytest.raises(DimensionMismatchError) as error:
        index.search(np.ones((2, 8), dtype=np.float32), 3, model="small-model")
    message = str(error.value)
    assert all(part in message for part in ("8", "16", "'small-model'", "'fake'", "make run"))
    with pytest.raises(DimensionMismatchError):
        index.exact_search(np.ones((2, 8), dtype=np.float32), 3)
    with pytest.raises(DimensionMismatchError, match="'other'"):
        index.check_compatible("other", 16)
    index.check_compatible("fake", 16)


def test_error_hierarchy() -> None:
    assert issubclass(EmptyQueryError, RetrievalError) and issubclass(EmptyQueryError, ValueError)
    for error in (IndexNotFoundError, IndexCorruptError, DimensionMismatchError, EmptyIndexError):
        assert issubclass(error, RetrievalError)
    with pytest.raises(ValueError, match="index_kind"):
        CommitIndexConfig(index_kind="lsh")
