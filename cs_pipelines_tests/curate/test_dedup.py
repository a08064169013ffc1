"""Exact and near dedup: whitespace-insensitive hashing, earliest kept, near-duplicates cluster."""

from __future__ import annotations

import polars as pl

from cs_pipelines.curate.dedup import (
    content_hash,
    exact_dedup,
    near_dedup,
    near_duplicate_of,
    shingle_hash_sets,
)
from cs_pipelines.curate.pipeline import CurationConfig

CONFIG = CurationConfig()

STRATEGY = "\n".join(
    f"def signal_{i}(prices, window={i + 5}):\n"
    f"    fast = prices.rolling({i + 2}).mean()\n"
    f"    slow = prices.rolling(window).mean()\n"
    f"    return (fast > slow).astype(int) * {i}\n"
    for i in range(12)
)
OTHER = "\n".join(
    f"class Broker{i}:\n    def submit(self, order):\n        self.queue.append((order, {i}))\n"
    for i in range(12)
)


def rows(*items: tuple[str, str, str]) -> pl.DataFrame:
    """(sha, instruction, new_contents) rows, in the order given (the pipeline's sort order)."""
    shas, instructions, news = zip(*items, strict=True)
    return pl.DataFrame(
        {"repo": "acme/bot", "sha": shas, "instruction": instructions, "new_contents": news}
    ).with_columns(content_hash=content_hash(pl.col("new_contents"), pl.col("instruction")))


def test_content_hash_ignores_whitespace_only() -> None:
    frame = rows(
        ("a", "Add x", "def f():\n    return 1\n"),
        ("b", "Add  x ", "def f(): return 1"),
        ("c", "Add y", "def f(): return 1"),
        ("d", "Add x", "def f(): return 2"),
    )
    hashes = frame["content_hash"].to_list()
    assert hashes[0] == hashes[1]
    assert len(set(hashes)) == 3
    assert all(len(h) == 32 for h in hashes)


def test_exact_dedup_keeps_the_first_and_names_it() -> None:
    frame = rows(("a", "Add x", "v = 1"), ("b", "Add x", "v  =  1"), ("c", "Add y", "v = 1"))
    kept, rejected = exact_dedup(frame)
    assert kept["sha"].to_list() == ["a", "c"]
    assert rejected.to_dicts() == [
        {
            "repo": "acme/bot",
            "sha": "b",
            "stage": "exact_dedup",
            "rule": "exact_duplicate",
            "detail": "acme/bot@a",
        }
    ]


def test_shingles_are_code_token_five_grams() -> None:
    texts = ["a = f(x)", "a=f( x )", "x", "", "a = f(y)", "p q r s t", "p q r s t u"]
    grams = [g.tolist() for g in shingle_hash_sets(texts, 5)]
    assert len(grams[0]) == 2  # "a = f ( x" and "= f ( x )"
    assert grams[0] == grams[1]  # whitespace is not a token
    assert [len(g) for g in grams[2:]] == [1, 1, 2, 1, 2]
    assert set(grams[0]).isdisjoint(grams[4])
    assert grams[5][0] in grams[6]  # "p q r s t" again; no gram spans two texts
    assert grams == [g.tolist() for g in shingle_hash_sets(texts, 5)]
    assert shingle_hash_sets([], 5) == []


def test_near_identical_contents_cluster_and_different_ones_do_not() -> None:
    tweaked = STRATEGY.replace("* 11", "* 12")  # one token of ~400 changed
    texts = [STRATEGY, OTHER, tweaked, OTHER + "\n# trailing note\n"]
    assert near_duplicate_of(texts, CONFIG) == [None, None, 0, 1]


def test_near_dedup_is_deterministic_and_records_the_representative() -> None:
    frame = rows(
        ("a", "Add signals", STRATEGY),
        ("b", "Add signals", STRATEGY.replace("* 11", "* 12")),
        ("c", "Add broker", OTHER),
    )
    kept, rejected = near_dedup(frame, CONFIG)
    again, _ = near_dedup(frame, CONFIG)
    assert kept["sha"].to_list() == again["sha"].to_list() == ["a", "c"]
    assert rejected.select("sha", "stage", "rule", "detail").rows() == [
        ("b", "near_dedup", "near_duplicate", "acme/bot@a")
    ]


def test_dedup_of_nothing() -> None:
    empty = rows(("a", "x", "y")).clear()
    assert exact_dedup(empty)[0].height == 0
    kept, rejected = near_dedup(empty, CONFIG)
    assert kept.height == rejected.height == 0
