"""The shape of harvested commits: one row per (repo, sha), files as a list of structs.

This module is the single source of truth for the ``raw_commits`` table: the harvester builds
frames with :data:`RAW_COMMITS_SCHEMA` and the warehouse derives its DDL from it.
"""

from __future__ import annotations

import polars as pl

FILE_CHANGE = pl.Struct(
    {
        "path": pl.Utf8,  # path after the change (the old path for deletions)
        "old_path": pl.Utf8,  # path before the change (differs from path for renames/copies)
        "change_type": pl.Utf8,  # git's letter: A, M, D, R, C, T (type change), U
        "insertions": pl.Int32,  # null for binary files
        "deletions": pl.Int32,  # null for binary files
        "language": pl.Utf8,  # from the file extension; null when unknown
        "is_binary": pl.Boolean,
        "is_submodule": pl.Boolean,
        "old_blob": pl.Utf8,  # object id before the change (null for additions)
        "new_blob": pl.Utf8,  # object id after the change (null for deletions)
    }
)

RAW_COMMITS_SCHEMA: dict[str, pl.DataType] = {
    "repo": pl.Utf8,
    "sha": pl.Utf8,
    "parents": pl.List(pl.Utf8),
    "is_merge": pl.Boolean,
    "author_name": pl.Utf8,
    "author_email": pl.Utf8,
    "committer_name": pl.Utf8,
    "committer_email": pl.Utf8,
    "authored_at": pl.Datetime("us", "UTC"),
    "committed_at": pl.Datetime("us", "UTC"),
    "subject": pl.Utf8,
    "body": pl.Utf8,
    "files": pl.List(FILE_CHANGE),
    "n_files": pl.Int32,
    "insertions": pl.Int32,
    "deletions": pl.Int32,
    "patch": pl.Utf8,  # the whole diff, capped at HarvestConfig.max_patch_bytes
    "patch_truncated": pl.Boolean,
    "old_contents": pl.Utf8,  # single-file changes only, capped at max_contents_bytes
    "new_contents": pl.Utf8,
    "contents_truncated": pl.Boolean,
    "license": pl.Utf8,
    "error": pl.Utf8,  # what could not be read (missing objects, undecodable bytes); null if none
    "harvested_at": pl.Datetime("us", "UTC"),
}

COMMIT_KEY = ("repo", "sha")

# Never null: every commit has these even when its objects could not be read.
REQUIRED_COLUMNS = (
    "repo", "sha", "parents", "is_merge", "authored_at", "committed_at", "subject", "files",
    "harvested_at",
)  # fmt: skip


def empty_raw_commits() -> pl.DataFrame:
    return pl.DataFrame(schema=RAW_COMMITS_SCHEMA)
