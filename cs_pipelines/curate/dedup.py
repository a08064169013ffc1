r"""Exact and near deduplication of curated commits.

Both take a frame already sorted in the pipeline's deterministic order (committed_at, repo, sha)
and keep the first commit of each group, so the earliest commit represents its duplicates and a
re-run gives the same result. Each returns ``(kept, rejections)``; a rejection's ``detail`` is
``"<repo>@<sha>"`` of the kept representative.

* Exact: BLAKE2b of the whitespace-collapsed new contents and instruction (``content_hash``).
* Near: each commit's text is its instruction, a newline and its new contents; its shingles are
  the 5-grams (``shingle_size``) of its code tokens (``\w+`` runs and single punctuation marks,
  so formatting does not matter), its signature a datasketch MinHash (``num_perm``,
  ``minhash_seed``), indexed in a MinHashLSH at ``near_dup_threshold``. Clustering is greedy in
  the sorted order: a commit whose estimated Jaccard with an earlier kept commit reaches the
  threshold joins the earliest such commit, otherwise it is kept and indexed.
"""

from __future__ import annotations

import functools
import hashlib
import logging
from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np
import polars as pl
from datasketch import MinHash, MinHashLSH

from cs_pipelines.curate.filters import CODE_TOKEN, normalise_whitespace_expr

if TYPE_CHECKING:
    from cs_pipelines.curate.config import CurationConfig

log = logging.getLogger(__name__)


def _digest(values: pl.Series) -> pl.Series:
    return pl.Series(
        [
            None if v is None else hashlib.blake2b(v.encode(), digest_size=16).hexdigest()
            for v in values
        ],
        dtype=pl.Utf8,
    )


def content_hash(new_contents: pl.Expr, instruction: pl.Expr) -> pl.Expr:
    """Hex BLAKE2b-128 of whitespace-collapsed new contents and instruction.

    hashlib rather than Polars' ``hash``: the value is stored in the warehouse and compared
    across runs, and Polars does not promise its hash is stable across versions. It runs once
    per commit that passed the rules, which is a small share of the input.
    """
    text = pl.concat_str(
        normalise_whitespace_expr(new_contents),
        pl.lit("\x00"),
        normalise_whitespace_expr(instruction),
    )
    return text.map_batches(_digest, return_dtype=pl.Utf8)


def _rejections(dropped: pl.DataFrame, stage: str, rule: str) -> pl.DataFrame:
    return dropped.select(
        "repo",
        "sha",
        pl.lit(stage).alias("stage"),
        pl.lit(rule).alias("rule"),
        pl.col("detail"),
    )


def exact_dedup(frame: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Keep the first row of each ``content_hash``."""
    representative = pl.format("{}@{}", pl.col("repo"), pl.col("sha")).first().over("content_hash")
    marked = frame.with_columns(
        pl.col("content_hash").is_first_distinct().alias("_keep"),
        representative.alias("detail"),
    )
    kept = marked.filter("_keep").drop("_keep", "detail")
    dropped = marked.filter(~pl.col("_keep"))
    return kept, _rejections(dropped, "exact_dedup", "exact_duplicate")


_MIX = np.uint64(0x9E3779B97F4A7C15)
_FINAL = np.uint64(0xBF58476D1CE4E5B9)


def _token_hash(token: str) -> int:
    return int.from_bytes(hashlib.blake2b(token.encode(), digest_size=8).digest(), "little")


def _token_ids(texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """(hash of every code token of every text, concatenated; tokens per text).

    Tokenised by Polars in one pass; each distinct token is hashed once with BLAKE2b, so the
    result is stable across runs and library versions (no Python or Polars hash).
    """
    tokens = pl.Series(texts, dtype=pl.Utf8).str.extract_all(CODE_TOKEN)
    lengths = tokens.list.len().fill_null(0).to_numpy().astype(np.int64)
    flat = tokens.explode().drop_nulls()
    vocabulary = flat.unique()
    hashes = pl.Series([_token_hash(t) for t in vocabulary], dtype=pl.UInt64)
    ids = flat.replace_strict(vocabulary, hashes, return_dtype=pl.UInt64).to_numpy()
    return ids, lengths


def shingle_hash_sets(texts: Sequence[str], size: int) -> list[np.ndarray]:
    """Per text, the distinct 32-bit hashes of its ``size``-grams of code tokens (a text with
    fewer tokens is one gram).

    A gram's hash combines its tokens' hashes polynomially and is mixed down to 32 bits; grams
    are computed for all texts at once over the concatenated tokens, and each text takes those
    that start and end inside it. Hashing every gram's text with SHA-1 in Python (datasketch's
    default) was about ten times slower.
    """
    ids, lengths = _token_ids(texts)
    starts = np.concatenate(([0], np.cumsum(lengths)[:-1])) if len(lengths) else lengths
    width = max(len(ids) - size + 1, 0)
    grams = np.zeros(width, dtype=np.uint64)
    for offset in range(size if width else 0):
        grams = grams * _MIX + ids[offset : offset + width]
    result = []
    for start, length in zip(starts.tolist(), lengths.tolist(), strict=True):
        if length >= size:
            result.append(_mix32(grams[start : start + length - size + 1]))
        else:  # the whole text is one gram
            whole = np.zeros(1, dtype=np.uint64)
            for token in ids[start : start + length]:
                whole = whole * _MIX + token
            result.append(_mix32(whole))
    return result


def _mix32(grams: np.ndarray) -> np.ndarray:
    mixed = grams ^ (grams >> np.uint64(31))
    mixed *= _FINAL
    return np.unique((mixed >> np.uint64(32)).astype(np.uint32))


def _identity(value: int) -> int:
    return value


@functools.cache
def lsh_accepts(threshold: float, num_perm: int) -> bool:
    """Whether MinHashLSH can index at this threshold (it needs at least two bands)."""
    try:
        MinHashLSH(threshold=threshold, num_perm=num_perm)
    except ValueError:
        return False
    return True


def near_duplicate_of(texts: Sequence[str], config: CurationConfig) -> list[int | None]:
    """For each text, the index of the earlier kept text it near-duplicates, or None if kept.

    Greedy leader clustering in input order: a text joins the earliest kept text whose MinHash
    Jaccard estimate reaches the threshold among its LSH candidates (the estimate check drops
    LSH's false positives); otherwise it is kept and indexed.
    """
    minhashes = MinHash.bulk(
        shingle_hash_sets(texts, config.shingle_size),
        num_perm=config.num_perm,
        seed=config.minhash_seed,
        hashfunc=_identity,
    )
    lsh = MinHashLSH(threshold=config.near_dup_threshold, num_perm=config.num_perm)
    result: list[int | None] = []
    for i, minhash in enumerate(minhashes):
        similar = [
            j
            for j in lsh.query(minhash)
            if minhashes[j].jaccard(minhash) >= config.near_dup_threshold
        ]
        if similar:
            result.append(min(similar))
        else:
            lsh.insert(i, minhash)
            result.append(None)
    return result


def near_dedup(frame: pl.DataFrame, config: CurationConfig) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Drop rows whose instruction + new contents near-duplicate an earlier kept row."""
    texts = frame.select(
        pl.concat_str(pl.col("instruction"), pl.col("new_contents"), separator="\n")
    ).to_series()
    leaders = near_duplicate_of(texts.to_list(), config)
    keys = frame.select(pl.format("{}@{}", pl.col("repo"), pl.col("sha"))).to_series().to_list()
    marked = frame.with_columns(
        pl.Series("detail", [None if j is None else keys[j] for j in leaders], dtype=pl.Utf8)
    )
    kept = marked.filter(pl.col("detail").is_null()).drop("detail")
    dropped = marked.filter(pl.col("detail").is_not_null())
    log.info("near dedup: %d of %d rows are near duplicates", dropped.height, frame.height)
    return kept, _rejections(dropped, "near_dedup", "near_duplicate")
