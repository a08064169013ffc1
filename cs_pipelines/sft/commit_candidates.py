"""Backtrader strategies found in harvested commits, as SFT candidates.

OctoPack's idea applied to strategies: a commit whose new contents define a ``bt.Strategy``
subclass is a worked answer, and its message is the instruction it answers. Each such file
becomes a candidate with ``source="commit"``, which the verification ladder runs like a
teacher's or a model's candidate.

These candidates have no task spec (no expected behaviour to compare against), so the ladder
stops them after its "deterministic" rung with the spec checks skipped; deciding that is the
ladder's business. The SFT dataset gives them the family ``commit:<repo>`` (see
:func:`parse_commit_task_id`), so one repository's strategies never straddle train and
validation.

Only single-file changes carry contents in ``raw_commits`` (see
:mod:`cs_pipelines.harvest.schema`), so a strategy added together with other files is not seen.
"""

from __future__ import annotations

import ast
import hashlib
import re
import warnings
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import polars as pl

from cs_pipelines.curate.filters import clean_subject, prepare

BACKTRADER_MODULES = frozenset({"backtrader"})
STRATEGY_BASES = frozenset({"Strategy", "SignalStrategy"})
_PYTHON_PATH = r"(?i)\.pyw?$"
# Lines git and review tools append to a message; not part of the instruction.
_TRAILER = re.compile(
    r"^\s*(?:[A-Z][\w-]*-by|Change-Id|Co-authored-by|Cc|Fixes|Refs?|Closes)\s*:"
    r"|^\s*\(cherry picked from commit [0-9a-f]+\)\s*$",
    re.IGNORECASE,
)
_COMMIT_TASK_ID = re.compile(r"^commit:(?P<repo>.+?):(?P<sha>[0-9a-f]{1,12}):(?P<path>.+)$")

# Why a commit yields no candidate, in the order the reasons are tried.
SKIP_REASONS = (
    "not_python",  # no Python file added or modified
    "no_contents",  # several files changed, or the blob could not be read
    "truncated",  # contents were capped by the harvester
    "not_utf8",  # new contents decoded with replacement characters
    "syntax_error",  # does not parse as Python
    "no_strategy",  # parses, defines no backtrader Strategy subclass
    "no_message",  # nothing left of the commit message to use as the instruction
    "duplicate",  # same code (whitespace-normalised) as an earlier candidate
)


@dataclass
class CommitStrategyScan:
    """Candidates (oldest commit first) and how many commits were skipped for each reason."""

    candidates: list[dict[str, Any]] = field(default_factory=list)
    skipped: dict[str, int] = field(default_factory=dict)
    n_commits: int = 0  # commits looked at (fewer than the input when ``limit`` stopped the scan)


def commit_strategy_candidates(
    commits: pl.DataFrame, limit: int | None = None
) -> list[dict[str, Any]]:
    """The candidate dicts of :func:`scan_commit_strategies` (without the skip summary)."""
    return scan_commit_strategies(commits, limit).candidates


def scan_commit_strategies(commits: pl.DataFrame, limit: int | None = None) -> CommitStrategyScan:
    """Find commits whose new contents define a backtrader strategy, oldest first.

    ``commits`` has ``raw_commits`` columns (missing ones are read as null). Each candidate is
    ``{task_id, candidate_id, source: "commit", code, instruction, meta: {repo, sha, path,
    class_name, class_names}}``, with ``task_id`` ``commit:<repo>:<sha[:12]>:<path>``.
    The scan stops once ``limit`` candidates were found.
    """
    scan = CommitStrategyScan()
    skipped: Counter[str] = Counter()
    seen: set[str] = set()
    for row in _rows(commits):
        if limit is not None and len(scan.candidates) >= limit:
            break
        scan.n_commits += 1
        candidate, reason = _candidate(row, seen)
        if candidate is None:
            skipped[reason] += 1
        else:
            scan.candidates.append(candidate)
    scan.skipped = {reason: skipped[reason] for reason in SKIP_REASONS if skipped[reason]}
    return scan


def _rows(commits: pl.DataFrame) -> Iterable[dict[str, Any]]:
    """One flat row per commit (curation's reading of ``raw_commits``), oldest first, the
    same order curation uses, so the earliest commit of a duplicated strategy is kept."""
    flat = prepare(commits).collect().with_columns(_python_files(commits))
    return flat.sort("committed_at", "repo", "sha", nulls_last=True).iter_rows(named=True)


def _python_files(commits: pl.DataFrame) -> pl.Series:
    """Per commit, how many Python files it adds or modifies."""
    if "files" not in commits.columns:
        return pl.Series("python_files", [0] * commits.height, dtype=pl.UInt32)
    element = pl.element().struct
    is_python = element.field("path").str.contains(_PYTHON_PATH) & (
        element.field("change_type") != "D"
    )
    counts = commits.select(pl.col("files").list.eval(is_python).list.sum().fill_null(0))
    return counts.to_series().cast(pl.UInt32).rename("python_files")


def _candidate(row: Mapping[str, Any], seen: set[str]) -> tuple[dict | None, str]:
    """(candidate, "") or (None, the skip reason)."""
    if not row["python_files"]:
        return None, "not_python"
    path = row["new_path"] or ""
    code = row["new_contents"]
    reason = _contents_problem(row)
    if reason:
        return None, reason
    try:
        classes = strategy_classes(code)
    except (SyntaxError, ValueError, RecursionError):  # ValueError: null bytes in the source
        return None, "syntax_error"
    if not classes:
        return None, "no_strategy"
    instruction = commit_instruction(row["subject"] or "", row["body"] or "")
    if not instruction:
        return None, "no_message"
    digest = code_hash(code)
    if digest in seen:
        return None, "duplicate"
    seen.add(digest)
    return _as_candidate(row, path, code, instruction, classes, digest), ""


def _contents_problem(row: Mapping[str, Any]) -> str:
    code = row["new_contents"]
    if code is None or row["file_count"] != 1:
        return "no_contents"
    if row["contents_truncated"]:
        return "truncated"
    if "new contents is not valid UTF-8" in (row["error"] or "") or "\ufffd" in code:
        return "not_utf8"
    return ""


def _as_candidate(
    row: Mapping[str, Any], path: str, code: str, instruction: str, classes: list[str], digest: str
) -> dict[str, Any]:
    repo, sha = row["repo"], row["sha"]
    return {
        "task_id": commit_task_id(repo, sha, path),
        "candidate_id": f"commit-{digest[:16]}",
        "source": "commit",
        "code": code,
        "instruction": instruction,
        "meta": {
            "repo": repo,
            "sha": sha,
            "path": path,
            "class_name": classes[0],
            "class_names": classes,
        },
    }


def commit_task_id(repo: str, sha: str, path: str) -> str:
    return f"commit:{repo}:{sha[:12]}:{path}"


def parse_commit_task_id(task_id: str) -> dict[str, str] | None:
    """``{repo, sha, path}`` of a :func:`commit_task_id` (``sha`` is its 12-digit prefix), or
    None for another kind of task id. The repo is the shortest prefix followed by a hex sha."""
    match = _COMMIT_TASK_ID.match(task_id)
    return match.groupdict() if match else None


def code_hash(code: str) -> str:
    """BLAKE2b-128 of the code with whitespace collapsed: a re-indented or re-wrapped copy is
    the same strategy for our purposes."""
    return hashlib.blake2b(" ".join(code.split()).encode(), digest_size=16).hexdigest()


def commit_instruction(subject: str, body: str) -> str:
    """The cleaned subject (CommitPackFT's cleaning) and, after a blank line, the body without
    trailers (``Signed-off-by:``, ``Co-authored-by:``, cherry-pick notes, ...) and with blank
    runs collapsed. Empty when nothing is left."""
    head = clean_subject(subject) or " ".join(subject.split())
    lines = [line.rstrip() for line in body.splitlines() if not _TRAILER.match(line)]
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
    return "\n\n".join(part for part in (head, text) if part)


# ---------------------------------------------------------------------------------------------
# Finding strategy classes


def strategy_classes(code: str) -> list[str]:
    """Names of the classes in ``code`` that subclass backtrader's ``Strategy`` (directly, or
    through another such class of the same file), most derived first, then in source order.

    A base counts when it resolves through the file's own imports: ``bt.Strategy`` after
    ``import backtrader as bt``, ``Strategy`` after ``from backtrader import Strategy``.
    Raises SyntaxError (or ValueError for null bytes) when ``code`` is not Python.
    """
    with warnings.catch_warnings():  # invalid escape sequences in harvested code
        warnings.simplefilter("ignore", SyntaxWarning)
        tree = ast.parse(code)
    modules, names = _backtrader_aliases(tree)
    classes = sorted(
        (node for node in ast.walk(tree) if isinstance(node, ast.ClassDef)),
        key=lambda node: (node.lineno, node.col_offset),
    )
    found: list[ast.ClassDef] = []
    for node in classes:  # source order, so a base defined earlier is already known
        known = names | {c.name for c in found}
        if any(_is_strategy_base(base, modules, known) for base in node.bases):
            found.append(node)
    bases = {_base_name(base) for node in found for base in node.bases}
    leaves = [node.name for node in found if node.name not in bases]
    return leaves + [node.name for node in found if node.name in bases]


def _backtrader_aliases(tree: ast.AST) -> tuple[set[str], set[str]]:
    """(names bound to the backtrader module, names bound to its Strategy classes)."""
    modules: set[str] = set()
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            modules.update(a.asname or a.name for a in node.names if a.name in BACKTRADER_MODULES)
        elif isinstance(node, ast.ImportFrom) and node.module in BACKTRADER_MODULES:
            names.update(a.asname or a.name for a in node.names if a.name in STRATEGY_BASES)
    return modules, names


def _is_strategy_base(base: ast.expr, modules: set[str], names: set[str]) -> bool:
    if isinstance(base, ast.Name):
        return base.id in names
    return (
        isinstance(base, ast.Attribute)
        and base.attr in STRATEGY_BASES
        and isinstance(base.value, ast.Name)
        and base.value.id in modules
    )


def _base_name(base: ast.expr) -> str | None:
    return base.id if isinstance(base, ast.Name) else None
