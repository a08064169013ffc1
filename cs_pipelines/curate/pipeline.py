"""Curation end to end: rule filters, then exact dedup, then near dedup, with a full accounting.

:func:`curate` turns harvested commits (``RAW_COMMITS_SCHEMA``) into CommitPackFT-style
instruction rows and explains every removal: each input commit is either kept or appears exactly
once in ``rejections``, charged to the first stage/rule that removed it, so the report adds up.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Literal

import polars as pl

from cs_pipelines.curate import dedup, filters
from cs_pipelines.curate.verbs import IMPERATIVE_VERBS

# Subjects CommitPackFT rejects outright (compared with the lower-cased instruction).
BAD_MESSAGES: tuple[str, ...] = (
    "readme",
    "update",
    "dummy",
    "updated",
    "test",
    "update readme",
    "update readme.md",
    "updated readme.md",
    "updated readme",
    "fix that bug where things didn't work but now they should",
    "put the thingie in the thingie",
    "add a beter commit message",
)

# Substrings that reject a subject anywhere (compared lower-cased).
BAD_SUBSTRINGS: tuple[str, ...] = (
    "auto commit",
    "update contributing",
    "<?xml",
    "merge branch",
    "merge pull request",
    "signed-off-by",
    "code review",
    "//codereview",
    "cdpcp",
    "| leetcode",
)

# Subjects of version bumps; CommitPackFT drops 90% of them (at random; here by the sha).
VERSION_BUMP_PREFIXES: tuple[str, ...] = ("Bump", "Set version", "Update version")


@dataclass(frozen=True)
class CurationConfig:
    """Every threshold of every curation rule; defaults follow CommitPackFT (OctoPack, StarCoder).

    Length bounds named ``min_``/``max_`` ``..._exclusive`` are strict, as in CommitPackFT
    (``10 < len(subject) < 1000``); the token window is inclusive (``50 <= tokens <= 768``).
    """

    # Structure of the change: CommitPackFT keeps single-file modifications only.
    allowed_change_types: tuple[str, ...] = ("M",)
    languages: frozenset[str] | None = None  # None: any language language_for_path knows
    # Contents (characters); CommitPackFT caps old contents only, we cap new ones the same way.
    max_old_contents_chars: int = 50_000
    max_new_contents_chars: int = 50_000
    # Token window over old + new contents (StarCoder run: 50 <= tokens <= 768). Estimated, not
    # tokenised: "bytes" is ceil(utf8 bytes / bytes_per_token) (near-free; ~4 bytes per BPE token
    # on source code), "regex" counts \w+ runs and single punctuation marks (slower, closer on
    # dense code).
    token_estimator: Literal["bytes", "regex"] = "bytes"
    bytes_per_token: float = 4.0
    min_tokens: int = 50
    max_tokens: int = 768
    # Subject and instruction (the cleaned subject): characters and whitespace-separated words.
    min_subject_chars_exclusive: int = 10
    max_subject_chars_exclusive: int = 1000
    min_subject_words_exclusive: int = 4
    max_subject_words_exclusive: int = 1000
    max_message_chars: int = 10_000  # ours: drops generated bodies (squash logs, changelogs)
    min_sha_mention_hex: int = 40  # a run of this many hex digits in the subject is a SHA
    bad_messages: tuple[str, ...] = BAD_MESSAGES
    bad_substrings: tuple[str, ...] = BAD_SUBSTRINGS
    version_bump_prefixes: tuple[str, ...] = VERSION_BUMP_PREFIXES
    version_bump_keep_fraction: float = 0.1
    imperative_verbs: frozenset[str] = IMPERATIVE_VERBS
    # Near dedup: MinHash LSH over 5-grams of code tokens of instruction + new contents.
    near_dup_threshold: float = 0.8
    shingle_size: int = 5
    num_perm: int = 128
    minhash_seed: int = 1

    def __post_init__(self) -> None:
        problems = [
            message
            for failed, message in [
                (self.token_estimator not in ("bytes", "regex"), "token_estimator"),
                (self.bytes_per_token <= 0, "bytes_per_token must be positive"),
                (self.min_tokens > self.max_tokens, "min_tokens > max_tokens"),
                (not 0 <= self.version_bump_keep_fraction <= 1, "version_bump_keep_fraction"),
                (not 0 < self.near_dup_threshold < 1, "near_dup_threshold in (0, 1)"),
                (self.shingle_size < 1, "shingle_size must be >= 1"),
                (self.num_perm < 2, "num_perm must be >= 2"),
            ]
            if failed
        ]
        if problems:
            raise ValueError(f"invalid CurationConfig: {', '.join(problems)}")


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
    if not dedup.lsh_accepts(config.near_dup_threshold, config.num_perm):  # fail before work
        raise ValueError(
            f"near_dup_threshold={config.near_dup_threshold} is too close to 1 for "
            f"num_perm={config.num_perm}: MinHashLSH needs at least two bands"
        )
    evaluation = filters.evaluate(commits, config)
    n_input = evaluation.structure.height
    content_hash = dedup.content_hash(pl.col("new_contents"), pl.col("instruction"))
    passed = (
        evaluation.kept()
        .sort(ORDER_KEY, nulls_last=True)
        .with_columns(content_hash.alias("content_hash"), filters.message_expr().alias("message"))
    )
    log.info("curation rules kept %d of %d commits", passed.height, n_input)
    unique, exact_rej = dedup.exact_dedup(passed)
    kept, near_rej = dedup.near_dedup(unique, config)
    log.info(
        "dedup removed %d exact and %d near duplicates; %d kept",
        exact_rej.height,
        near_rej.height,
        kept.height,
    )
    rejections = pl.concat(
        [filters.rule_rejections(evaluation, config), exact_rej, near_rej], how="vertical"
    ).cast(REJECTIONS_SCHEMA)
    report = _report(evaluation, exact_rej.height, near_rej.height, config)
    return CurationResult(
        instructions=kept.select(list(INSTRUCTIONS_SCHEMA)).cast(INSTRUCTIONS_SCHEMA),
        rejections=rejections,
        report=report,
        n_input=n_input,
    )


def _report(
    evaluation: filters.Evaluation, n_exact: int, n_near: int, config: CurationConfig
) -> pl.DataFrame:
    rules = filters.rule_counts(evaluation)
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
