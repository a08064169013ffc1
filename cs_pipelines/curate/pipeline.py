"""Curation end to end: rule filters, the unit form, exact dedup, near dedup, fully accounted.

:func:`curate` turns harvested commits (``RAW_COMMITS_SCHEMA``) into instruction rows of two
kinds, CommitPackFT's whole files (``kind = "file"``) and the units a separable Python change
touched (``kind = "units"``, ``curate.unit_pairs``), and explains every removal: each input
commit is either kept or appears exactly once in ``rejections``, charged to the first stage/rule
that removed it, so the report adds up.
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
from cs_pipelines.curate.unit_pairs import UNIT_RULES, BlobTexts, Rescue, rescue


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
    "kind": pl.Utf8(),  # "file": whole file before/after; "units": the changed units
    "units": pl.Utf8(),  # the changed units' names (kind "units")
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
    commits: pl.DataFrame | pl.LazyFrame,
    config: CurationConfig = CurationConfig(),
    blob_texts: BlobTexts | None = None,
) -> CurationResult:
    """Apply the rules, the unit form, exact dedup and near dedup to ``commits``
    (``RAW_COMMITS_SCHEMA``). ``blob_texts`` reads the files of multi-file commits for the
    unit form (``harvest.blobs.MirrorBlobs``); without it only single-file commits whose
    contents were harvested whole can take that form."""
    if not lsh_accepts(config.near_dup_threshold, config.num_perm):  # fail before work
        raise ValueError(
            f"near_dup_threshold={config.near_dup_threshold} is too close to 1 for "
            f"num_perm={config.num_perm}: MinHashLSH needs at least two bands"
        )
    evaluation = evaluate(commits, config)
    n_input = evaluation.structure.height
    files = evaluation.kept().with_columns(
        pl.lit("file").alias("kind"), pl.lit(None, pl.Utf8).alias("units")
    )
    units = _unit_form(commits, evaluation, config, blob_texts, files.clear().drop("kind"))
    hashed = content_hash(pl.col("new_contents"), pl.col("instruction"))
    passed = (
        pl.concat([files, units.kept.with_columns(pl.lit("units").alias("kind"))], how="diagonal")
        .sort(ORDER_KEY, nulls_last=True)
        .with_columns(hashed.alias("content_hash"), message_expr().alias("message"))
    )
    log.info(
        "curation rules kept %d of %d commits (%d in the unit form)",
        passed.height,
        n_input,
        units.kept.height,
    )
    unique, exact_rej = exact_dedup(passed)
    kept, near_rej = near_dedup(unique, config)
    log.info(
        "dedup removed %d exact and %d near duplicates; %d kept",
        exact_rej.height,
        near_rej.height,
        kept.height,
    )
    rules = rule_rejections(evaluation, config).join(units.taken, on=["repo", "sha"], how="anti")
    rejections = pl.concat([rules, units.rejections, exact_rej, near_rej], how="vertical").cast(
        REJECTIONS_SCHEMA
    )
    report = _report(evaluation, rejections, config)
    return CurationResult(
        instructions=kept.select(list(INSTRUCTIONS_SCHEMA)).cast(INSTRUCTIONS_SCHEMA),
        rejections=rejections,
        report=report,
        n_input=n_input,
    )


def _unit_form(
    commits: pl.DataFrame | pl.LazyFrame,
    evaluation: Evaluation,
    config: CurationConfig,
    blob_texts: BlobTexts | None,
    empty: pl.DataFrame,
) -> Rescue:
    """The unit form's rescue, or nothing (``empty``: the kept rows' shape) when it is off."""
    if not config.unit_pairs:
        keys = pl.DataFrame(schema={"repo": pl.Utf8, "sha": pl.Utf8})
        return Rescue(empty, pl.DataFrame(schema=REJECTIONS_SCHEMA), keys)
    files = commits.lazy().select("files").collect().get_column("files")
    return rescue(files, evaluation, config, blob_texts)


def _report(
    evaluation: Evaluation, rejections: pl.DataFrame, config: CurationConfig
) -> pl.DataFrame:
    """Per rule in order (structure, message, unit form, dedup): the commits charged to it,
    and those it rejects on its own among the commits its tier sees (see ``rule_counts``)."""
    charged = dict(rejections.group_by("rule").len().iter_rows())
    rules = rule_counts(evaluation).with_columns(
        pl.col("rule").replace_strict(charged, default=0, return_dtype=pl.Int64).alias("removed")
    )
    descriptions = {
        **UNIT_RULES,
        "exact_duplicate": "Same whitespace-normalised new contents and instruction as an "
        "earlier commit.",
        "near_duplicate": f"MinHash Jaccard >= {config.near_dup_threshold} with an earlier kept "
        f"commit ({config.shingle_size}-gram code-token shingles of instruction + new contents).",
    }
    stages = {"exact_duplicate": "exact_dedup", "near_duplicate": "near_dedup"}
    later = pl.DataFrame(
        {
            "stage": [stages.get(rule, "units") for rule in descriptions],
            "rule": list(descriptions),
            "description": list(descriptions.values()),
            "removed": [charged.get(rule, 0) for rule in descriptions],
            "rejects_alone": [charged.get(rule, 0) for rule in descriptions],
        },
        schema=REPORT_SCHEMA,
    )
    return pl.concat([rules.cast(REPORT_SCHEMA), later], how="vertical")
