"""The second form of instruction data: a Python change as the units it touched.

CommitPackFT keeps a commit only when its single file, before and after, fits a token window;
trading code lives in long files and its commits touch several, so on real trading histories
most commits with a good message are lost to ``multi_file`` or ``token_window``. Such a commit
gets a second chance here when its change is separable: every changed file is a Python file
(added, modified, renamed or deleted; documentation beside them is ignored, and so are tests
beside the code they test), at most ``max_unit_files`` of them. It then passes the same
message rules as any commit, and becomes a pair of the units it changed (``curate.units``:
functions, methods, classes, module statements), before and after, inside a token window
(``max_unit_tokens``, CommitPackFT's by default): ``kind = "units"``, beside the whole-file
CommitPackFT rows (``kind = "file"``).

A commit that goes this way is charged, if it fails, to the message rule or to the first
:data:`UNIT_RULES` entry that rejects it; one that is not separable stays charged to the
structure rule that rejected it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import polars as pl

from cs_pipelines.curate.filters import (
    FIRST_RULE,
    ROW,
    Evaluation,
    estimate_tokens,
    text_rejections,
    text_verdicts,
)
from cs_pipelines.curate.units import UnitChange, UnparsableSource, changed_units

if TYPE_CHECKING:
    from cs_pipelines.curate.config import CurationConfig

# (repo, blob ids) -> each blob's UTF-8 text; None where it is missing, too big or not UTF-8.
BlobTexts = Callable[[str, Sequence[str]], Mapping[str, str | None]]

UNIT_RULES: dict[str, str] = {
    "units_contents_unavailable": "A changed Python file's contents could not be read "
    "(no mirror, a missing blob, over max_unit_source_bytes, or not UTF-8).",
    "units_unparsable": "A version of a changed Python file does not parse.",
    "units_no_change": "No function, method, class or module statement changed (whitespace only).",
    "units_removal_only": "The change only removes units: nothing to write.",
    "units_token_window": "Estimated tokens of the changed units, before + after, outside "
    "[min_tokens, max_unit_tokens].",
}

_PYTHON_CHANGES = ("A", "M", "R", "D")
_BATCH = 256  # commits whose files are read (and held) at once


@dataclass(frozen=True)
class UnitPair:
    before: str
    after: str
    units: str  # "sharpe, Cross.next" (with "path:" when several files)
    path: str  # the first changed Python file


@dataclass(frozen=True)
class Rejection:
    rule: str
    detail: str | None = None


@dataclass(frozen=True)
class Rescue:
    """What the unit form made of the commits it took over from the structure rules."""

    kept: pl.DataFrame  # the columns of Evaluation.kept(), units before/after, and ``units``
    rejections: pl.DataFrame  # repo, sha, stage, rule, detail: a message or unit rule
    taken: pl.DataFrame  # repo, sha of every commit taken over (kept or not)


def rescue(
    files: pl.Series,
    evaluation: Evaluation,
    config: CurationConfig,
    blob_texts: BlobTexts | None,
) -> Rescue:
    """Take over the separable commits the structure rules rejected for a rule named in
    ``config.unit_rescues`` (``files``: every input commit's files, in input order): the
    message rules, then :func:`unit_pairs`."""
    structure = evaluation.structure
    candidates = structure.filter(pl.col(FIRST_RULE).is_in(list(config.unit_rescues)))
    candidates = candidates.with_columns(files.gather(candidates[ROW]).alias("files"))
    candidates = candidates.filter(
        pl.Series([separable(f, config) for f in candidates["files"]], dtype=pl.Boolean)
    )
    candidates = candidates.with_columns(  # the message rules read the first file to pair
        pl.Series("new_path", [first_pair_path(f, config) for f in candidates["files"]], pl.Utf8)
    )
    text = text_verdicts(candidates, config)
    passed = text.filter(pl.col(FIRST_RULE).is_null()).select(ROW, "instruction", "language")
    kept, unit_rejections = unit_pairs(
        candidates.join(passed, on=ROW, maintain_order="left"), config, blob_texts
    )
    return Rescue(
        kept=kept.select(pl.all().exclude(ROW, FIRST_RULE, "^_rejects_.*$", "files")),
        rejections=pl.concat([text_rejections(text, config), unit_rejections], how="vertical"),
        taken=candidates.select("repo", "sha"),
    )


def pair_files(
    files: Sequence[Mapping[str, Any]], config: CurationConfig
) -> list[Mapping[str, Any]]:
    """The Python files whose units make a commit's pair: its code, or its tests when it
    changes no other Python file (tests changed beside the code they test are left out)."""
    python = [f for f in _listed(files) if _is_python(f)]
    code = [f for f in python if not re.search(config.unit_test_files, _path(f))]
    return code or python


def separable(files: Sequence[Mapping[str, Any]], config: CurationConfig) -> bool:
    """Whether a commit's change can become a unit pair: 1 to ``max_unit_files`` Python files
    to pair (added, modified, renamed, deleted; see :func:`pair_files`), anything else beside
    them tests or documentation."""
    paired = pair_files(files, config)
    others = [f for f in _listed(files) if not _is_python(f)]
    return (
        0 < len(paired) <= config.max_unit_files
        and all(f["change_type"] in _PYTHON_CHANGES for f in paired)
        and all(re.search(config.unit_ignored_files, _path(f)) for f in others)
    )


def first_pair_path(files: Sequence[Mapping[str, Any]], config: CurationConfig) -> str | None:
    return next((f["path"] for f in pair_files(files, config)), None)


def unit_pairs(
    commits: pl.DataFrame, config: CurationConfig, blob_texts: BlobTexts | None
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Unit pairs of separable commits that passed the message rules.

    ``commits`` has ``repo``, ``sha``, ``files``, ``old_contents``, ``new_contents`` and
    ``contents_truncated`` (a single file's harvested contents are used when whole; every other
    file is read with ``blob_texts``, which may be None when no mirror is at hand). Returns the
    kept commits with ``old_contents``/``new_contents`` replaced by the units before/after,
    ``old_path``/``new_path`` by the first Python file and ``units`` added; and one rejection
    row (repo, sha, stage, rule, detail) per other commit.

    The files are read ``_BATCH`` commits at a time, so that memory holds one batch's sources
    (long files, on a real history), and in commit order per repository, so that a file's
    version parsed for one commit is still cached (``units._units_of``) for the next.
    """
    commits = commits.sort("repo", "committed_at", "sha", nulls_last=True)
    kept: list[int] = []
    pairs: list[UnitPair] = []
    rejected: list[tuple[str, str, str, str, str | None]] = []
    for start in range(0, commits.height, _BATCH):
        batch = commits.slice(start, _BATCH)
        sources = _sources(batch, blob_texts, config)
        for i, commit in enumerate(batch.iter_rows(named=True), start):
            key = (commit["repo"], commit["sha"])
            outcome = unit_pair(commit["files"], sources.get(key, {}), config)
            if isinstance(outcome, UnitPair):
                kept.append(i)
                pairs.append(outcome)
            else:
                rule, detail = outcome.rule, outcome.detail
                rejected.append((commit["repo"], commit["sha"], "units", rule, detail))
    kept_rows = commits[kept].with_columns(
        pl.Series("old_contents", [p.before for p in pairs], pl.Utf8),
        pl.Series("new_contents", [p.after for p in pairs], pl.Utf8),
        pl.Series("old_path", [p.path for p in pairs], pl.Utf8),
        pl.Series("new_path", [p.path for p in pairs], pl.Utf8),
        pl.Series("units", [p.units for p in pairs], pl.Utf8),
    )
    schema = {"repo": pl.Utf8, "sha": pl.Utf8, "stage": pl.Utf8, "rule": pl.Utf8, "detail": pl.Utf8}
    return kept_rows, pl.DataFrame(rejected, schema=schema, orient="row")


def unit_pair(
    files: Sequence[Mapping[str, Any]],
    sources: Mapping[str, tuple[str | None, str | None]],
    config: CurationConfig,
) -> UnitPair | Rejection:
    """One commit's pair, or why not; ``sources`` maps a Python file's path to its text before
    and after ("" where it did not exist, None where it could not be read)."""
    changed: list[tuple[str, list[UnitChange]]] = []
    for file in pair_files(files, config):
        old, new = sources.get(file["path"], (None, None))
        if old is None or new is None:
            return Rejection("units_contents_unavailable", file["path"])
        try:
            changes = changed_units(old, new)
        except UnparsableSource as exc:
            return Rejection("units_unparsable", f"{file['path']}: {exc}")
        if changes:
            changed.append((file["path"], changes))
    if not changed:
        return Rejection("units_no_change")
    if all(c.change == "removed" for _, changes in changed for c in changes):
        return Rejection("units_removal_only")
    before, after = _render(changed, "before"), _render(changed, "after")
    tokens = estimate_tokens(before, config) + estimate_tokens(after, config)
    if not config.min_tokens <= tokens <= config.max_unit_tokens:
        return Rejection("units_token_window", f"~{tokens} tokens")
    several = len(changed) > 1
    names = [f"{path}:{c.qualname}" if several else c.qualname for path, cs in changed for c in cs]
    return UnitPair(before, after, ", ".join(names), changed[0][0])


def _render(changed: list[tuple[str, list[UnitChange]]], side: str) -> str:
    """The units' code on one side, in file order; a ``# path`` line heads each file when
    several changed."""
    blocks = []
    for path, changes in changed:
        codes = [getattr(c, side) for c in changes if getattr(c, side)]
        if len(changed) > 1 and codes:
            codes = [f"# {path}", *codes]
        blocks += codes
    return "\n\n".join(blocks) + "\n" if blocks else ""


def _sources(
    commits: pl.DataFrame, blob_texts: BlobTexts | None, config: CurationConfig
) -> dict[tuple[str, str], dict[str, tuple[str | None, str | None]]]:
    """Per (repo, sha), per Python path: (old text, new text). A single-file commit's harvested
    contents serve when whole; other files' blobs are read per repository, in one batch."""
    wanted: dict[str, set[str]] = {}
    for commit in commits.iter_rows(named=True):
        if not _harvested(commit):
            for file in pair_files(commit["files"], config):
                blobs = [b for b in (file["old_blob"], file["new_blob"]) if b]
                wanted.setdefault(commit["repo"], set()).update(blobs)
    texts: dict[str, Mapping[str, str | None]] = {}
    for repo, ids in wanted.items():
        texts[repo] = blob_texts(repo, sorted(ids)) if blob_texts else {}
    sources: dict[tuple[str, str], dict[str, tuple[str | None, str | None]]] = {}
    for commit in commits.iter_rows(named=True):
        key = (commit["repo"], commit["sha"])
        if _harvested(commit):
            [file] = commit["files"]
            sources[key] = {file["path"]: (commit["old_contents"], commit["new_contents"])}
            continue
        found = texts.get(commit["repo"], {})
        sources[key] = {
            f["path"]: (
                found.get(f["old_blob"]) if f["old_blob"] else "",
                found.get(f["new_blob"]) if f["new_blob"] else "",
            )
            for f in pair_files(commit["files"], config)
        }
    return sources


def _harvested(commit: Mapping[str, Any]) -> bool:
    """A single-file commit whose whole contents the harvest kept."""
    return (
        len(commit["files"]) == 1
        and not commit["contents_truncated"]
        and commit["old_contents"] is not None
        and commit["new_contents"] is not None
    )


def _is_python(file: Mapping[str, Any]) -> bool:
    is_code = file["language"] == "Python" and bool(file["path"])
    return is_code and not file["is_binary"] and not file["is_submodule"]


def _path(file: Mapping[str, Any]) -> str:
    return (file["path"] or "").lower()


def _listed(files: Sequence[Mapping[str, Any]] | None) -> Sequence[Mapping[str, Any]]:
    return () if files is None else files
