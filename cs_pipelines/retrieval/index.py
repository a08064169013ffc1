"""A versioned, incrementally updated FAISS index over commit instructions.

Layout under ``root``::

    CURRENT                      the name of the version readers load (switched atomically)
    versions/<version>/          one folder per build, never modified once CURRENT names it
        manifest.json            model, dimension, kind, build parameters, counts (written last)
        payload.parquet          one row per vector, in the row order of vectors.npy
        vectors.npy              the normalised vectors, so updates never re-embed unchanged rows
        index.faiss              the FAISS index (ids are payload.vector_id)

Vectors are L2-normalised and searched by inner product (cosine). The index is exact
(``IndexIDMap2(IndexFlatIP)``) up to ``exact_max_vectors`` and an ``IndexIVFFlat`` past it, or an
``IndexHNSWFlat`` when asked. Rows are keyed by (repo, sha); ``text_hash`` is the SHA-256 of the
exact embedded text, so a refresh embeds only new or changed rows. A build writes a new version
folder, fsyncs it and only then replaces ``CURRENT``: a crash leaves the previous version loadable.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import math
import os
import shutil
import time
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import faiss
import numpy as np
import polars as pl

from cs_pipelines.retrieval.config import CommitIndexConfig
from cs_pipelines.retrieval.embedder import TextEmbedder, embedding_text_expr
from cs_pipelines.retrieval.errors import (
    GET_DATA_HINT,
    REBUILD_HINT,
    DimensionMismatchError,
    EmptyIndexError,
    IndexCorruptError,
    IndexNotFoundError,
)

CURRENT_FILE = "CURRENT"
VERSIONS_DIR = "versions"
LOCK_FILE = ".lock"
MANIFEST_FILE = "manifest.json"
PAYLOAD_FILE = "payload.parquet"
VECTORS_FILE = "vectors.npy"
FAISS_FILE = "index.faiss"
VERSION_FILES = (MANIFEST_FILE, PAYLOAD_FILE, VECTORS_FILE, FAISS_FILE)

KEY = ("repo", "sha")
PAYLOAD_SCHEMA: dict[str, pl.DataType] = {
    "vector_id": pl.Int64(),
    "repo": pl.Utf8(),
    "sha": pl.Utf8(),
    "text_hash": pl.Utf8(),
    "language": pl.Utf8(),
    "instruction": pl.Utf8(),
    "diff": pl.Utf8(),
    "old_path": pl.Utf8(),
    "new_path": pl.Utf8(),
    "license": pl.Utf8(),
    "committed_at": pl.Datetime("us", "UTC"),
}
# Parameters that shape the FAISS structure: a change rebuilds it from the stored vectors.
STRUCTURAL_PARAMS = ("kind", "nlist", "m", "ef_construction")
IVF_POINTS_PER_LIST = 64  # k-means training sample per list: 256 trained 4x slower at 1M
# vectors for the same recall (benchmarks/README.md)
IVF_MIN_POINTS_PER_LIST = 39  # below this FAISS warns that k-means is under-trained

Log = Callable[[str], None]


def _no_log(_: str) -> None:
    pass


@dataclass(frozen=True)
class IndexManifest:
    """What a version holds and how it was built (``manifest.json``).

    ``build_seconds`` is the wall time of the whole build of this version, embedding included.
    ``params`` holds the FAISS parameters (kind-specific), ``metric``, ``max_seq_length`` and
    ``next_vector_id`` (ids are never reused).
    """

    version: str
    model: str
    dimension: int
    kind: str
    params: dict[str, Any]
    n_vectors: int
    built_at: str
    build_seconds: float
    include_code: bool
    code_chars: int

    def to_json(self) -> str:
        return json.dumps(asdict(self), indent=2, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> IndexManifest:
        return cls(**json.loads(text))


@dataclass
class IndexUpdate:
    """The outcome of :func:`build_or_update`.

    For a full build ``n_added`` is every row and ``n_removed`` the previous version's size.
    """

    version: str
    mode: str  # "full" | "incremental" | "unchanged"
    n_vectors: int
    n_added: int
    n_changed: int
    n_removed: int
    embed_seconds: float
    build_seconds: float
    manifest: IndexManifest
    reason: str


class CommitIndex:
    """One loaded version: the FAISS index, its stored vectors and the payload rows."""

    def __init__(
        self,
        root: Path,
        manifest: IndexManifest,
        payload: pl.DataFrame,
        vectors: np.ndarray,
        index: faiss.Index,
    ) -> None:
        self.root = root
        self.manifest = manifest
        self.payload = payload
        self._vectors = vectors
        self._index = index
        ids = payload["vector_id"].to_numpy()
        self._id_order = np.argsort(ids, kind="stable")
        self._sorted_ids = ids[self._id_order]

    def __repr__(self) -> str:
        m = self.manifest
        return f"CommitIndex({str(self.root)!r}, version={m.version!r}, {m.kind}, n={m.n_vectors})"

    @property
    def version(self) -> str:
        return self.manifest.version

    @classmethod
    def load(cls, root: Path) -> CommitIndex:
        """Load the version ``root/CURRENT`` names."""
        root = Path(root)
        version = current_version(root)
        if version is None:
            raise IndexNotFoundError(
                f"no commit index has been built under {root} yet: build one with `make run` "
                "or materialize commit_index in the Dagster UI"
            )
        folder = root / VERSIONS_DIR / version
        if not folder.is_dir():
            raise IndexCorruptError(
                f"{root / CURRENT_FILE} names version {version!r} but {folder} does not exist: "
                f"{REBUILD_HINT}"
            )
        return cls._from_folder(root, folder)

    @classmethod
    def _from_folder(cls, root: Path, folder: Path) -> CommitIndex:
        manifest = _read(folder / MANIFEST_FILE, lambda p: IndexManifest.from_json(p.read_text()))
        payload = _read(folder / PAYLOAD_FILE, pl.read_parquet)
        vectors = _read(folder / VECTORS_FILE, lambda p: np.load(p, mmap_mode="r"))
        index = _read(folder / FAISS_FILE, lambda p: faiss.read_index(str(p)))
        _check_consistent(folder, manifest, payload, vectors, index)
        _set_search_params(index, manifest.params)
        return cls(root, manifest, payload, vectors, index)

    def search(
        self, queries: np.ndarray, k: int, model: str | None = None
    ) -> tuple[np.ndarray, np.ndarray]:
        """Top-``k`` (scores, vector_ids) per query row; ids are -1 (scores -inf) past the hits.

        ``model`` (the queries' embedding model) only makes a dimension error more helpful.
        """
        q = self._queries(queries, k, model)
        scores, ids = self._index.search(q, k)
        return _clean(scores, ids)

    def exact_search(
        self, queries: np.ndarray, k: int, model: str | None = None
    ) -> tuple[np.ndarray, np.ndarray]:
        """:meth:`search` by brute force over the stored vectors (the ground truth for recall)."""
        q = self._queries(queries, k, model)
        scores = np.full((len(q), k), -np.inf, dtype=np.float32)
        ids = np.full((len(q), k), -1, dtype=np.int64)
        top = min(k, self.manifest.n_vectors)
        all_ids = self.payload["vector_id"].to_numpy()
        for start in range(0, len(q), 256):
            sims = q[start : start + 256] @ np.asarray(self._vectors).T
            best = np.argpartition(-sims, top - 1, axis=1)[:, :top]
            best_scores = np.take_along_axis(sims, best, axis=1)
            order = np.argsort(-best_scores, axis=1, kind="stable")
            rows = slice(start, start + len(sims))
            scores[rows, :top] = np.take_along_axis(best_scores, order, axis=1)
            ids[rows, :top] = all_ids[np.take_along_axis(best, order, axis=1)]
        return scores, ids

    def vectors(self, vector_ids: np.ndarray | None = None) -> np.ndarray:
        """Stored normalised vectors: all (payload order), or those of ``vector_ids`` in order."""
        if vector_ids is None:
            return np.array(self._vectors, dtype=np.float32)
        return np.array(self._vectors[self._positions(vector_ids)], dtype=np.float32)

    def lookup(self, vector_ids: np.ndarray) -> pl.DataFrame:
        """Payload rows of ``vector_ids`` in the given order; -1 (no hit) is skipped."""
        wanted = np.asarray(vector_ids, dtype=np.int64).ravel()
        return self.payload[self._positions(wanted[wanted >= 0]).tolist()]

    def check_compatible(self, model: str, dimension: int) -> None:
        """Raise :class:`DimensionMismatchError` unless queries of ``model`` can search this."""
        if dimension != self.manifest.dimension or model != self.manifest.model:
            raise DimensionMismatchError(self._mismatch(dimension, model))

    def _positions(self, vector_ids: np.ndarray) -> np.ndarray:
        wanted = np.asarray(vector_ids, dtype=np.int64).ravel()
        found = np.searchsorted(self._sorted_ids, wanted)
        found = np.minimum(found, max(len(self._sorted_ids) - 1, 0))
        ok = len(self._sorted_ids) > 0 and np.array_equal(self._sorted_ids[found], wanted)
        if not ok and len(wanted):
            raise KeyError(f"vector ids not in index version {self.version}: {wanted[:10]}")
        return self._id_order[found] if len(wanted) else np.zeros(0, dtype=np.int64)

    def _queries(self, queries: np.ndarray, k: int, model: str | None) -> np.ndarray:
        q = np.asarray(queries, dtype=np.float32)
        q = np.ascontiguousarray(q.reshape(1, -1) if q.ndim == 1 else q)
        if q.ndim != 2 or q.shape[1] != self.manifest.dimension:
            raise DimensionMismatchError(self._mismatch(q.shape[-1], model))
        if self.manifest.n_vectors == 0:  # before the k check: callers often ask min(k, n)
            raise EmptyIndexError(
                f"the commit index at {self.root} (version {self.version}) holds no vectors: "
                f"there are no commit instructions yet. To get some, {GET_DATA_HINT}"
            )
        if k < 1:
            raise ValueError(f"k must be >= 1, got {k}")
        return q

    def _mismatch(self, dimension: int, model: str | None) -> str:
        m = self.manifest
        query_model = f"model {model!r}" if model else "an unnamed model"
        return (
            f"query vectors have dimension {dimension} ({query_model}) but the commit index at "
            f"{self.root} (version {m.version}) was built with model {m.model!r}, dimension "
            f"{m.dimension}: embed queries with {m.model!r}, or {REBUILD_HINT} using the "
            "query model"
        )


def current_version(root: Path) -> str | None:
    """The version ``root/CURRENT`` names, or None if no index was ever switched in."""
    try:
        text = (Path(root) / CURRENT_FILE).read_text().strip()
    except FileNotFoundError:
        return None
    return text or None


def _read(path: Path, reader: Callable[[Path], Any]) -> Any:
    if not path.is_file():
        raise IndexCorruptError(f"index file {path} is missing: {REBUILD_HINT}")
    try:
        return reader(path)
    except Exception as exc:  # every reader fails differently; callers need one error
        raise IndexCorruptError(f"index file {path} is unreadable ({exc}): {REBUILD_HINT}") from exc


def _check_consistent(
    folder: Path,
    manifest: IndexManifest,
    payload: pl.DataFrame,
    vectors: np.ndarray,
    index: faiss.Index,
) -> None:
    problem = _inconsistency(manifest, payload, vectors, index)
    if problem is not None:
        name, what = problem
        raise IndexCorruptError(
            f"index file {folder / name} is inconsistent: it {what}: {REBUILD_HINT}"
        )


def _inconsistency(
    manifest: IndexManifest, payload: pl.DataFrame, vectors: np.ndarray, index: faiss.Index
) -> tuple[str, str] | None:
    n, d = manifest.n_vectors, manifest.dimension
    if not set(PAYLOAD_SCHEMA) <= set(payload.columns):
        return PAYLOAD_FILE, f"has columns {payload.columns}, needs {list(PAYLOAD_SCHEMA)}"
    if payload.height != n:
        return PAYLOAD_FILE, f"holds {payload.height} rows, the manifest says {n}"
    if payload["vector_id"].n_unique() != n:
        return PAYLOAD_FILE, "repeats vector ids"
    if vectors.ndim != 2 or vectors.shape != (n, d):
        return VECTORS_FILE, f"has shape {vectors.shape}, the manifest says ({n}, {d})"
    if index.ntotal != n or index.d != d:
        return FAISS_FILE, f"holds {index.ntotal} vectors of dimension {index.d}, not {n} of {d}"
    return None


def _set_search_params(index: faiss.Index, params: dict[str, Any]) -> None:
    if params.get("kind") == "ivf":
        ivf = faiss.extract_index_ivf(index)
        ivf.nprobe = min(int(params["nprobe"]), ivf.nlist)
    elif params.get("kind") == "hnsw":
        faiss.downcast_index(index.index).hnsw.efSearch = int(params["ef_search"])


def _clean(scores: np.ndarray, ids: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    ids = ids.astype(np.int64, copy=False)
    scores = scores.astype(np.float32, copy=True)
    scores[ids < 0] = -np.inf
    return scores, ids


# --------------------------------------------------------------------------------------------
# building and updating


@dataclass
class _Plan:
    """What a build does: rows (payload order) with ids, and which of them need embedding."""

    rows: pl.DataFrame  # payload columns + "text" + "status" (new, changed, same)
    removed_ids: np.ndarray
    next_vector_id: int
    full_reason: str | None  # set: re-embed everything
    previous: CommitIndex | None = None

    def ids(self, status: str | None = None) -> np.ndarray:
        rows = self.rows if status is None else self.rows.filter(pl.col("status") == status)
        return rows["vector_id"].to_numpy().astype(np.int64)


def build_or_update(
    instructions: pl.DataFrame,
    root: Path,
    embedder: TextEmbedder,
    config: CommitIndexConfig,
    log: Log | None = None,
) -> IndexUpdate:
    """Bring the index under ``root`` up to date with ``instructions`` (``commit_instructions``).

    Embeds only new or changed rows unless the embedding settings changed (then everything,
    mode "full"); writes nothing when nothing changed (mode "unchanged"). Builds are serialised
    by an advisory lock on ``root/.lock``.
    """
    say = log or _no_log
    root = Path(root)
    root.mkdir(parents=True, exist_ok=True)
    with _build_lock(root):
        started = time.perf_counter()
        rows = _prepare_rows(instructions, config, say)
        plan = _plan(rows, root, embedder, config, say)
        params = _target_params(config, plan, _seq_length(embedder, config))
        if _is_unchanged(plan, params):
            return _unchanged(plan, started)
        embed_started = time.perf_counter()
        vectors = _assemble_vectors(plan, embedder, say)
        embed_seconds = time.perf_counter() - embed_started
        build_started = time.perf_counter()
        index = _faiss_for(plan, vectors, params, config, say)
        update = _commit(root, plan, vectors, index, params, embedder, config, say, started)
        update.embed_seconds = embed_seconds
        update.build_seconds = time.perf_counter() - build_started
        return update


@contextlib.contextmanager
def _build_lock(root: Path) -> Iterator[None]:
    with open(root / LOCK_FILE, "a+") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _prepare_rows(instructions: pl.DataFrame, config: CommitIndexConfig, say: Log) -> pl.DataFrame:
    """Payload columns (no vector_id yet) plus ``text``, unique by (repo, sha), sorted by key."""
    missing = {"repo", "sha", "instruction"} - set(instructions.columns)
    if missing:
        raise ValueError(f"commit instructions lack the columns {sorted(missing)}")
    absent = [c for c in PAYLOAD_SCHEMA if c not in instructions.columns]
    frame = instructions.with_columns(pl.lit(None).alias(c) for c in absent)
    frame = frame.filter(pl.col("repo").is_not_null() & pl.col("sha").is_not_null())
    unique = frame.unique(subset=list(KEY), keep="first", maintain_order=True)
    if unique.height < frame.height:
        say(f"ignored {frame.height - unique.height} rows repeating a (repo, sha)")
    schema = {c: t for c, t in PAYLOAD_SCHEMA.items() if c not in ("vector_id", "text_hash")}
    rows = unique.with_columns(embedding_text_expr(config)).select(*schema, "text").cast(schema)
    hashes = [hashlib.sha256(text.encode()).hexdigest() for text in rows["text"]]
    return rows.with_columns(text_hash=pl.Series(hashes, dtype=pl.Utf8)).sort(KEY)


def _plan(
    rows: pl.DataFrame, root: Path, embedder: TextEmbedder, config: CommitIndexConfig, say: Log
) -> _Plan:
    previous, reason = _previous(root, embedder, config)
    if previous is None:
        old = pl.DataFrame(schema={"repo": pl.Utf8, "sha": pl.Utf8, "vector_id": pl.Int64})
        old = old.with_columns(old_hash=pl.lit(None, pl.Utf8))
        next_id = 0
    else:
        old = previous.payload.select(*KEY, "vector_id", old_hash="text_hash")
        next_id = int(previous.manifest.params.get("next_vector_id", 0))
        next_id = max(next_id, int(old["vector_id"].max() or -1) + 1)
    joined = rows.join(old, on=list(KEY), how="left", maintain_order="left")
    status = (
        pl.when(pl.col("old_hash").is_null())
        .then(pl.lit("new"))
        .when((pl.col("old_hash") != pl.col("text_hash")) | pl.lit(reason is not None))
        .then(pl.lit("changed"))
        .otherwise(pl.lit("same"))
    )
    joined = joined.with_columns(status=status)
    fresh = joined["vector_id"].is_null()
    new_ids = np.cumsum(fresh.to_numpy()) - 1 + next_id
    ids = np.where(fresh.to_numpy(), new_ids, joined["vector_id"].fill_null(-1).to_numpy())
    joined = joined.with_columns(vector_id=pl.Series(ids, dtype=pl.Int64)).drop("old_hash")
    removed = old.join(rows.select(KEY), on=list(KEY), how="anti")["vector_id"].to_numpy()
    if reason is not None:
        say(f"full rebuild: {reason}")
    return _Plan(
        rows=joined.select(*PAYLOAD_SCHEMA, "text", "status"),
        removed_ids=removed.astype(np.int64),
        next_vector_id=next_id + int(fresh.sum()),
        full_reason=reason,
        previous=previous,
    )


def _previous(
    root: Path, embedder: TextEmbedder, config: CommitIndexConfig
) -> tuple[CommitIndex | None, str | None]:
    """The current version (None if unreadable) and the reason to re-embed everything, if any."""
    try:
        previous = CommitIndex.load(root)
    except IndexNotFoundError:
        return None, "no previous index"
    except IndexCorruptError as exc:
        return None, f"previous index unreadable ({exc})"
    m = previous.manifest
    seq_length = _seq_length(embedder, config)
    changes = [
        ("model", m.model, embedder.name),
        ("dimension", m.dimension, embedder.dimension),
        ("include_code", m.include_code, config.include_code),
        ("code_chars", m.code_chars, config.code_chars),
        ("max_seq_length", m.params.get("max_seq_length"), seq_length),
    ]
    for name, before, now in changes:
        if before != now:
            return previous, f"{name} changed from {before!r} to {now!r}"
    return previous, None


def _seq_length(embedder: TextEmbedder, config: CommitIndexConfig) -> int:
    """The embedder's token limit (it changes the vectors, so it is part of the manifest)."""
    return int(getattr(embedder, "max_seq_length", config.max_seq_length))


def _target_params(config: CommitIndexConfig, plan: _Plan, seq_length: int) -> dict[str, Any]:
    n = plan.rows.height
    kind = _kind(config, n)
    params: dict[str, Any] = {
        "kind": kind,
        "metric": "inner_product",
        "max_seq_length": seq_length,
        "next_vector_id": plan.next_vector_id,
    }
    if kind == "ivf":
        before = plan.previous.manifest.params if plan.previous else {}
        params |= {"nlist": _nlist(config, n, before), "nprobe": config.ivf_nprobe}
    elif kind == "hnsw":
        params |= {
            "m": config.hnsw_m,
            "ef_construction": config.hnsw_ef_construction,
            "ef_search": config.hnsw_ef_search,
        }
    return params


def _kind(config: CommitIndexConfig, n: int) -> str:
    if n == 0:
        return "flat"  # nothing to train an IVF on; an empty flat index is still valid
    if config.index_kind == "auto":
        return "flat" if n <= config.exact_max_vectors else "ivf"
    return config.index_kind


def _nlist(config: CommitIndexConfig, n: int, before: dict[str, Any]) -> int:
    """Inverted lists: configured, else ~4*sqrt(n) capped so each list has 39 training points.

    An automatic nlist within a factor of 2 of the previous one is kept, so small refreshes
    add to the trained IVF instead of retraining it.
    """
    if config.ivf_nlist > 0:
        return max(1, min(config.ivf_nlist, n))
    auto = max(1, min(round(4 * math.sqrt(n)), n // IVF_MIN_POINTS_PER_LIST))
    previous = before.get("nlist") if before.get("kind") == "ivf" else None
    if previous and auto / 2 <= previous <= auto * 2:
        return int(previous)
    return auto


def _is_unchanged(plan: _Plan, params: dict[str, Any]) -> bool:
    if plan.previous is None or plan.full_reason is not None:
        return False
    if len(plan.removed_ids) or (plan.rows["status"] != "same").any():
        return False
    payload = plan.rows.select(*PAYLOAD_SCHEMA)
    return params == plan.previous.manifest.params and payload.equals(plan.previous.payload)


def _unchanged(plan: _Plan, started: float) -> IndexUpdate:
    assert plan.previous is not None
    m = plan.previous.manifest
    return IndexUpdate(
        version=m.version,
        mode="unchanged",
        n_vectors=m.n_vectors,
        n_added=0,
        n_changed=0,
        n_removed=0,
        embed_seconds=0.0,
        build_seconds=time.perf_counter() - started,
        manifest=m,
        reason="nothing changed since version " + m.version,
    )


def _assemble_vectors(plan: _Plan, embedder: TextEmbedder, say: Log) -> np.ndarray:
    """Vectors in payload order: stored ones reused, the rest embedded."""
    n = plan.rows.height
    vectors = np.zeros((n, embedder.dimension), dtype=np.float32)
    status = plan.rows["status"].to_numpy()
    same = np.flatnonzero(status == "same")
    todo = np.flatnonzero(status != "same")
    if len(same):
        assert plan.previous is not None
        vectors[same] = plan.previous.vectors(plan.rows["vector_id"].to_numpy()[same])
    if len(todo):
        say(f"embedding {len(todo):,} texts ({len(same):,} reused) with {embedder.name}")
        texts = plan.rows["text"].gather(todo).to_list()
        embedded = np.asarray(embedder.encode(texts, log=say), dtype=np.float32)
        vectors[todo] = _normalise(embedded)
    return vectors


def _normalise(vectors: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.maximum(norms, 1e-12)


def _faiss_for(
    plan: _Plan,
    vectors: np.ndarray,
    params: dict[str, Any],
    config: CommitIndexConfig,
    say: Log,
) -> faiss.Index:
    """Patch the previous FAISS index when possible, else build one from ``vectors``."""
    previous = plan.previous
    reason = _rebuild_reason(plan, params)
    if reason is not None:
        say(f"building a {params['kind']} index over {len(vectors):,} vectors ({reason})")
        return _build_faiss(vectors, plan.ids(), params, config.seed)
    assert previous is not None
    index = previous._index
    stale = np.concatenate([plan.removed_ids, plan.ids("changed")])
    if len(stale):
        index.remove_ids(stale.astype(np.int64))
    fresh = np.flatnonzero(plan.rows["status"].to_numpy() != "same")
    if len(fresh):
        index.add_with_ids(vectors[fresh], plan.ids()[fresh])
    _set_search_params(index, params)
    say(f"updated the {params['kind']} index: +{len(fresh):,} vectors, -{len(stale):,}")
    return index


def _rebuild_reason(plan: _Plan, params: dict[str, Any]) -> str | None:
    """Why the FAISS structure is rebuilt (from stored vectors) rather than patched."""
    if plan.previous is None or plan.full_reason is not None:
        return plan.full_reason or "no previous index"
    before = plan.previous.manifest.params
    changed = [k for k in STRUCTURAL_PARAMS if before.get(k) != params.get(k)]
    if changed:
        diffs = (f"{k} {before.get(k)!r} -> {params.get(k)!r}" for k in changed)
        return "changed " + ", ".join(diffs)
    removes = len(plan.removed_ids) or (plan.rows["status"] == "changed").any()
    if params["kind"] == "hnsw" and removes:
        return "HNSW cannot remove vectors; the graph is rebuilt without re-embedding"
    return None


def _build_faiss(
    vectors: np.ndarray, ids: np.ndarray, params: dict[str, Any], seed: int
) -> faiss.Index:
    d = vectors.shape[1]
    kind = params["kind"]
    if kind == "flat":
        index = faiss.IndexIDMap2(faiss.IndexFlatIP(d))
    elif kind == "hnsw":
        graph = faiss.IndexHNSWFlat(d, int(params["m"]), faiss.METRIC_INNER_PRODUCT)
        graph.hnsw.efConstruction = int(params["ef_construction"])
        index = faiss.IndexIDMap2(graph)
    else:
        index = _trained_ivf(vectors, int(params["nlist"]), seed)
    if len(ids):
        index.add_with_ids(np.ascontiguousarray(vectors), np.ascontiguousarray(ids))
    _set_search_params(index, params)
    return index


def _trained_ivf(vectors: np.ndarray, nlist: int, seed: int) -> faiss.Index:
    d = vectors.shape[1]
    index = faiss.IndexIVFFlat(faiss.IndexFlatIP(d), d, nlist, faiss.METRIC_INNER_PRODUCT)
    index.cp.seed = seed
    rng = np.random.default_rng(seed)
    size = min(len(vectors), nlist * IVF_POINTS_PER_LIST)
    sample = vectors[np.sort(rng.choice(len(vectors), size=size, replace=False))]
    index.train(np.ascontiguousarray(sample))
    return index


def _commit(
    root: Path,
    plan: _Plan,
    vectors: np.ndarray,
    index: faiss.Index,
    params: dict[str, Any],
    embedder: TextEmbedder,
    config: CommitIndexConfig,
    say: Log,
    started: float,
) -> IndexUpdate:
    """Write the new version, switch CURRENT to it, prune all but it and the previous one."""
    version = _new_version_name(root)
    payload = plan.rows.select(*PAYLOAD_SCHEMA)
    manifest = IndexManifest(
        version=version,
        model=embedder.name,
        dimension=int(embedder.dimension),
        kind=params["kind"],
        params=params,
        n_vectors=payload.height,
        built_at=datetime.now(UTC).isoformat(timespec="seconds"),
        build_seconds=round(time.perf_counter() - started, 3),
        include_code=config.include_code,
        code_chars=config.code_chars,
    )
    _write_version(root, manifest, payload, vectors, index)
    _switch_current(root, version)
    kept = {version, plan.previous.version if plan.previous else version}
    _prune(root, kept)
    say(f"commit index version {version}: {manifest.n_vectors:,} vectors ({manifest.kind})")
    counts = plan.rows["status"].value_counts()
    count = dict(zip(counts["status"], counts["count"], strict=True))
    full = plan.full_reason is not None
    n_before = plan.previous.manifest.n_vectors if plan.previous else 0
    return IndexUpdate(
        version=version,
        mode="full" if full else "incremental",
        n_vectors=manifest.n_vectors,
        n_added=payload.height if full else count.get("new", 0),
        n_changed=0 if full else count.get("changed", 0),
        n_removed=n_before if full else len(plan.removed_ids),
        embed_seconds=0.0,
        build_seconds=0.0,
        manifest=manifest,
        reason=plan.full_reason or _incremental_reason(plan, count),
    )


def _incremental_reason(plan: _Plan, count: dict[str, int]) -> str:
    parts = [
        f"{count.get('new', 0)} new",
        f"{count.get('changed', 0)} changed",
        f"{len(plan.removed_ids)} removed",
    ]
    return "incremental: " + ", ".join(parts) + " rows (others reused without re-embedding)"


def _new_version_name(root: Path) -> str:
    """``<sequence>-<UTC time>``: sorts by build order even when clocks step back."""
    versions = root / VERSIONS_DIR
    numbers = [
        int(p.name.split("-", 1)[0])
        for p in (versions.iterdir() if versions.is_dir() else [])
        if p.name.split("-", 1)[0].isdigit()
    ]
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    return f"{max(numbers, default=0) + 1:06d}-{stamp}"


def _write_version(
    root: Path,
    manifest: IndexManifest,
    payload: pl.DataFrame,
    vectors: np.ndarray,
    index: faiss.Index,
) -> Path:
    """Write the version into a hidden folder, fsync every file, then rename it into place."""
    versions = root / VERSIONS_DIR
    versions.mkdir(exist_ok=True)
    staging = versions / f".{manifest.version}.tmp-{os.getpid()}"
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir()
    np.save(staging / VECTORS_FILE, np.ascontiguousarray(vectors, dtype=np.float32))
    payload.write_parquet(staging / PAYLOAD_FILE)
    faiss.write_index(index, str(staging / FAISS_FILE))
    (staging / MANIFEST_FILE).write_text(manifest.to_json())
    for name in VERSION_FILES:
        _fsync(staging / name)
    _fsync(staging)
    final = versions / manifest.version
    os.replace(staging, final)
    _fsync(versions)
    return final


def _switch_current(root: Path, version: str) -> None:
    """Atomically point ``root/CURRENT`` at ``version`` (temp file, fsync, os.replace)."""
    staging = root / f".{CURRENT_FILE}.tmp-{os.getpid()}"
    staging.write_text(version + "\n")
    _fsync(staging)
    os.replace(staging, root / CURRENT_FILE)
    _fsync(root)


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _prune(root: Path, keep: set[str]) -> None:
    """Remove versions not in ``keep`` and staging folders of crashed builds (under the lock)."""
    for path in (root / VERSIONS_DIR).iterdir():
        if path.name not in keep:
            shutil.rmtree(path, ignore_errors=True)


def recall_at_k(index: CommitIndex, k: int = 10, n_queries: int = 200, seed: int = 0) -> float:
    """Recall@k of :meth:`CommitIndex.search` against exact search, on sampled stored vectors.

    A hit counts when its score reaches the exact k-th score, so ties between identical
    vectors (common: many commits share an instruction) are not counted as misses. 1.0 for a
    flat (exact) or empty index.
    """
    n = index.manifest.n_vectors
    if n == 0 or index.manifest.kind == "flat":
        return 1.0
    rng = np.random.default_rng(seed)
    rows = np.sort(rng.choice(n, size=min(n_queries, n), replace=False))
    queries = np.array(index._vectors[rows], dtype=np.float32)
    approx_scores, approx_ids = index.search(queries, k)
    exact_scores, exact_ids = index.exact_search(queries, k)
    wanted = (exact_ids >= 0).sum(axis=1)
    kth = exact_scores[np.arange(len(rows)), np.maximum(wanted - 1, 0)]
    good = (approx_ids >= 0) & (approx_scores >= kth[:, None] - 1e-5)
    hits = np.minimum(good.sum(axis=1), wanted)
    return float(hits.sum() / max(wanted.sum(), 1))
