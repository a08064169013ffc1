"""Tests of the curation stage; :func:`make_commit` builds one harvested commit that passes."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import polars as pl

from cs_pipelines.harvest.schema import RAW_COMMITS_SCHEMA

OLD = "def sma(xs, n):\n    return sum(xs[-n:]) / n\n" * 3
NEW = OLD + "\ndef ema(xs, n, alpha=None):\n    alpha = alpha or 2 / (n + 1)\n    return xs\n"
T0 = datetime(2024, 1, 1, tzinfo=UTC)


def file_change(path: str = "strategy/indicators.py", **overrides: Any) -> dict[str, Any]:
    change = {
        "path": path,
        "old_path": path,
        "change_type": "M",
        "insertions": 4,
        "deletions": 0,
        "language": "Python",
        "is_binary": False,
        "is_submodule": False,
        "old_blob": "a" * 40,
        "new_blob": "b" * 40,
    }
    return change | overrides


def make_commit(n: int = 0, path: str = "strategy/indicators.py", **overrides: Any) -> dict:
    """A commit every rule keeps (distinct sha per ``n``); ``overrides`` replace columns."""
    commit = {
        "repo": "acme/bot",
        "sha": f"{n:08x}" + "0" * 32,
        "parents": ["f" * 40],
        "is_merge": False,
        "author_name": "A",
        "author_email": "a@example.com",
        "committer_name": "A",
        "committer_email": "a@example.com",
        "authored_at": T0 + timedelta(hours=n),
        "committed_at": T0 + timedelta(hours=n),
        "subject": "Add an exponential moving average helper",
        "body": "",
        "files": [file_change(path)],
        "n_files": 1,
        "insertions": 4,
        "deletions": 0,
        "patch": "@@ -1 +1 @@",
        "patch_truncated": False,
        "old_contents": OLD,
        "new_contents": NEW,
        "contents_truncated": False,
        "license": "mit",
        "error": None,
        "harvested_at": T0,
    }
    return commit | overrides


def frame(*commits: dict) -> pl.DataFrame:
    return pl.DataFrame(list(commits), schema=RAW_COMMITS_SCHEMA)
