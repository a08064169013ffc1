"""Harvest one repository's new commits into Parquet batch files, from a watermark.

The caller (the ``raw_commits`` asset) upserts the batch files and the new watermark in one
transaction and then deletes the staging directory, so a failed harvest leaves the warehouse
as it was.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import polars as pl

from cs_pipelines.harvest.config import HarvestConfig
from cs_pipelines.harvest.gitlog import (
    HarvestError,
    iter_commit_batches,
    iter_commit_batches_for_shas,
    rev_list,
    run_git,
)
from cs_pipelines.harvest.repos import ReferenceRepo

__all__ = ["HarvestConfig", "HarvestError", "HarvestResult", "harvest_repository"]


@dataclass
class HarvestResult:
    repo: str
    ref: str | None  # the branch/ref harvested (None for an empty repo)
    head_sha: str | None  # the new watermark (None for an empty repo)
    mode: str  # "unchanged" | "initial" | "incremental" | "rewritten" | "empty"
    batch_files: list[Path] = field(default_factory=list)  # frames with RAW_COMMITS_SCHEMA
    n_commits: int = 0
    n_errors: int = 0  # commits stored with a non-null `error`
    removed_shas: list[str] = field(default_factory=list)  # no longer reachable after a rewrite
    duration_s: float = 0.0
    notes: list[str] = field(default_factory=list)


def harvest_repository(
    repo: ReferenceRepo,
    mirror: Path,
    watermark: str | None,
    known_shas: Callable[[], set[str]],
    staging_dir: Path,
    config: HarvestConfig = HarvestConfig(),  # frozen, so a shared default is safe
    progress: Callable[[int], None] | None = None,
) -> HarvestResult:
    """Write the commits of ``repo`` that are new since ``watermark`` to ``staging_dir``.

    ``known_shas`` is called only when the history was rewritten (the watermark is no longer an
    ancestor of the head), to find what is new and what is gone.
    """
    started = time.perf_counter()
    _check_mirror(repo, mirror)
    ref, head = resolve_head(repo, mirror)
    result = HarvestResult(repo=repo.name, ref=ref, head_sha=head, mode="unchanged")
    if head is None:
        result.mode = "empty"
        result.notes.append("the repository has no commits")
    elif head != watermark:
        frames = _plan(repo, mirror, watermark, head, known_shas, config, result)
        _write_batches(frames, repo, staging_dir, result, progress)
    result.duration_s = time.perf_counter() - started
    return result


def resolve_head(repo: ReferenceRepo, mirror: Path) -> tuple[str | None, str | None]:
    """(ref name, commit sha) to harvest: ``repo.branch`` or the mirror's HEAD; (None, None)
    for a repository without commits."""
    if repo.branch:
        for candidate in (
            f"refs/heads/{repo.branch}",
            f"refs/remotes/origin/{repo.branch}",
            f"refs/tags/{repo.branch}",
        ):
            sha = _commit_of(repo, mirror, candidate)
            if sha:
                return candidate, sha
        if _has_refs(repo, mirror):
            raise HarvestError(f"{repo.name}: branch {repo.branch!r} not found in {mirror}")
        return None, None
    status, out, _ = run_git(mirror, repo, ["symbolic-ref", "-q", "HEAD"])
    ref = out.strip() if status == 0 else "HEAD"
    sha = _commit_of(repo, mirror, "HEAD")
    if sha:
        return ref, sha
    if _has_refs(repo, mirror):
        raise HarvestError(
            f"{repo.name}: HEAD points at {ref}, which does not exist in {mirror}; "
            "set 'branch:' for this repository"
        )
    return None, None


def _check_mirror(repo: ReferenceRepo, mirror: Path) -> None:
    if not mirror.is_dir():
        raise HarvestError(f"{repo.name}: mirror {mirror} does not exist")
    status, _, err = run_git(mirror, repo, ["rev-parse", "--git-dir"])
    if status != 0:
        raise HarvestError(f"{repo.name}: {mirror} is not a git repository: {err.strip()}")


def _commit_of(repo: ReferenceRepo, mirror: Path, rev: str) -> str | None:
    status, out, _ = run_git(mirror, repo, ["rev-parse", "-q", "--verify", f"{rev}^{{commit}}"])
    return out.strip() if status == 0 else None


def _has_refs(repo: ReferenceRepo, mirror: Path) -> bool:
    status, out, _ = run_git(mirror, repo, ["for-each-ref", "--count=1"])
    return status == 0 and bool(out.strip())


def _is_ancestor(repo: ReferenceRepo, mirror: Path, older: str, newer: str) -> bool:
    status, _, _ = run_git(mirror, repo, ["merge-base", "--is-ancestor", older, newer])
    return status == 0  # 1: not an ancestor; 128: the watermark object is gone


def _plan(
    repo: ReferenceRepo,
    mirror: Path,
    watermark: str | None,
    head: str,
    known_shas: Callable[[], set[str]],
    config: HarvestConfig,
    result: HarvestResult,
) -> Iterator[pl.DataFrame]:
    """Pick the mode and return the frames to write (lazily)."""
    if watermark is None:
        result.mode = "initial"
        result.notes.append(f"full history of {result.ref} at {head[:12]}")
        return iter_commit_batches(mirror, repo, [head], config)
    if _is_ancestor(repo, mirror, watermark, head):
        result.mode = "incremental"
        result.notes.append(f"new commits {watermark[:12]}..{head[:12]}")
        return iter_commit_batches(mirror, repo, [head, f"^{watermark}"], config)
    result.mode = "rewritten"
    reachable = rev_list(mirror, repo, [head])
    known = known_shas()
    reachable_set = set(reachable)
    new = [sha for sha in reachable if sha not in known]
    result.removed_shas = sorted(known - reachable_set)
    result.notes.append(
        f"history rewritten: watermark {watermark[:12]} is not an ancestor of {head[:12]}; "
        f"{len(reachable)} reachable, {len(new)} new, {len(result.removed_shas)} removed"
    )
    return iter_commit_batches_for_shas(mirror, repo, new, config)


def _write_batches(
    frames: Iterator[pl.DataFrame],
    repo: ReferenceRepo,
    staging_dir: Path,
    result: HarvestResult,
    progress: Callable[[int], None] | None,
) -> None:
    staging_dir.mkdir(parents=True, exist_ok=True)
    for index, frame in enumerate(frames):
        path = staging_dir / f"{repo.name}-{index:05d}.parquet"
        frame.write_parquet(path, compression="zstd")
        result.batch_files.append(path)
        result.n_commits += frame.height
        result.n_errors += frame.height - frame["error"].null_count()
        if progress is not None:
            progress(result.n_commits)
    if result.n_errors:
        result.notes.append(f"{result.n_errors} commits stored with an error (see `error`)")
