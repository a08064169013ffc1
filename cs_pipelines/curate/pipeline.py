"""Curation end to end: rule filters, then exact dedup, then near dedup, with a full accounting.

:func:`curate` turns harvested commits (``RAW_COMMITS_SCHEMA``) into CommitPackFT-style
instruction rows and explains every removal: each input commit is either kept or appears exactly
once in ``rejections``, charged to the first stage/rule that removed it, so the report adds up.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

import polars as pl

from cs_pipelines.curate.config import CurationConfig
from cs_pipelines.curate.dedup import content_hash, exact_dedup, lsh_accepts, near_dedup
from cs_pipelines.curate.filters import (
    Evaluation,
    evaluate,
    message_expr,
    rule_counts,
    rule_rejections,
)


@dataclass
class CurationResult:
    """Kept instructions, one rejection row per removed commit, and the per-rule report."""

    instructions: pl.DataFrame
    rejections: pl.DataFrame
    report: pl.DataFrame
    n_input: int

    @property
    def n_kept(self) -> int:
        return self.instructions.height


INSTRUCTIONS_SCHEMA: dict[str, pl.DataType] = {
    "instruction": pl.Utf8(),
    "subject": pl.Utf8(),
    "message": pl.Utf8(),
    "old_contents": pl.Utf8(),
    "new_contents": pl.Utf8(),
    "old_path": pl.Utf8(),
    "new_path": pl.Utf8(),
    "language": pl.Utf8(),
    "repo": pl.Utf8(),
    "sha": pl.Utf8(),
    "license": pl.Utf8(),
    "committed_at": pl.Datetime("us", "UTC"),
    "diff": pl.Utf8(),
    "content_hash": pl.Utf8(),
}

REJECTIONS_SCHEMA: dict[str, pl.DataType] = {
    "repo": pl.Utf8(),
    "sha": pl.Utf8(),
    "stage": pl.Utf8(),
    "rule": pl.Utf8(),
    "detail": pl.Utf8(),
}

REPORT_SCHEMA: dict[str, pl.DataType] = {
    "stage": pl.Utf8(),
    "rule": pl.Utf8(),
    "description": pl.Utf8(),
    "removed": pl.Int64(),
    # commits the rule rejects on its own, whatever the order, among those its tier sees
    "rejects_alone": pl.Int64(),
}

ORDER_KEY = ("committed_at", "repo", "sha")

log = logging.getLogger(__name__)


def curate(
    commits: pl.DataFrame | pl.LazyFrame, config: CurationConfig = CurationConfig()
) -> CurationResult:
    """Apply the rules, exact dedup and near dedup to ``commits`` (``RAW_COMMITS_SCHEMA``)."""
    if not lsh_accepts(config.near_dup_threshold, config.num_perm):  # fail before work
        raise ValueError(
            f"near_dup_threshold={config.near_dup_threshold} is too close to 1 for "
            f"num_perm={config.num_perm}: MinHashLSH needs at least two bands"
        )
    evaluation = evaluate(commits, config)
    n_input = evaluation.structure.height
    hashed = content_hash(pl.col("new_contents"), pl.col("instruction"))
    passed = (
        evaluation.kept()
        .sort(ORDER_KEY, nulls_last=True)
        .with_columns(hashed.alias("content_hash"), message_expr().alias("message"))
    )
    log.info("curation rules kept %d of %d commits", passed.height, n_input)
    unique, exact_rej = exact_dedup(passed)
    kept, near_rej = near_dedup(unique, config)
    log.info(
        "dedup removed %d exact and %d near duplicates; %d kept",
        exact_rej.height,
        near_rej.height,
        kept.height,
    )
    rejections = pl.concat(
        [rule_rejections(evaluation, config), exact_rej, near_rej], how="vertical"
    ).cast(REJECTIONS_SCHEMA)
    report = _report(evaluation, exact_rej.height, near_rej.height, config)
    return CurationResult(
        instructions=kept.select(list(INSTRUCTIONS_SCHEMA)).cast(INSTRUCTIONS_SCHEMA),
        rejections=rejections,
        report=report,
        n_input=n_input,
    )


def _report(
    evaluation: Evaluation, n_exact: int, n_near: int, config: CurationConfig
) -> pl.DataFrame:
    rules = rule_counts(evaluation)
    dedup_rows = pl.DataFrame(
        {
            "stage": ["exact_dedup", "near_dedup"],
            "rule": ["exact_duplicate", "near_duplicate"],
            "description": [
                "Same whitespace-normalised new contents and instruction as an earlier commit.",
                f"MinHash Jaccard >= {config.near_dup_threshold} with an earlier kept commit "
                f"({config.shingle_size}-gram code-token shingles of instruction + new contents).",
            ],
            "removed": [n_exact, n_near],
            "rejects_alone": [n_exact, n_near],
        },
        schema=REPORT_SCHEMA,
    )
    return pl.concat([rules.cast(REPORT_SCHEMA), dedup_rows], how="vertical")
