"""Bare mirrors of the reference repositories: ``<mirrors_dir>/<name>.git``.

The first sync clones into a temporary directory next to the target and renames it into place,
so a failed or interrupted clone never leaves a half mirror behind; later syncs fetch with
``--prune``, which also follows force pushes. Git never prompts, gives up on stalled
transfers, and is killed after ``timeout_s``.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import git

from cs_pipelines.harvest.repos import ReferenceRepo


class RepoUnavailableError(RuntimeError):
    """The repository could not be cloned or fetched; the message names the repo and cause."""


NETWORK_CONFIG = [
    "-c", "http.lowSpeedLimit=1000",  # bytes/s ...
    "-c", "http.lowSpeedTime=60",  # ... for this long, and git gives up
    "-c", "credential.interactive=false",
]  # fmt: skip


def sync_mirror(repo: ReferenceRepo, mirrors_dir: Path, timeout_s: float = 600) -> Path:
    """Clone (first time) or fetch the bare mirror of ``repo``; returns its path."""
    mirrors_dir.mkdir(parents=True, exist_ok=True)
    target = mirrors_dir / f"{repo.name}.git"
    if repo.is_local and not Path(repo.url).exists():
        raise RepoUnavailableError(f"{repo.name}: cannot reach {repo.url}: no such directory")
    if _is_mirror(target):
        _fetch(repo, target, timeout_s)
    else:
        _clone(repo, target, timeout_s)
    return target


def _is_mirror(path: Path) -> bool:
    return (path / "HEAD").is_file() and (path / "objects").is_dir()


def _clone(repo: ReferenceRepo, target: Path, timeout_s: float) -> None:
    scratch = Path(tempfile.mkdtemp(prefix=f".{repo.name}.clone-", dir=target.parent))
    try:
        clone_path = scratch / "mirror.git"
        _run(repo, None, ["clone", "--mirror", "--quiet", repo.url, str(clone_path)], timeout_s)
        if target.exists():  # a broken leftover (no HEAD or objects): replace it
            shutil.rmtree(target)
        os.replace(clone_path, target)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def _fetch(repo: ReferenceRepo, target: Path, timeout_s: float) -> None:
    status, url, _ = git.Git(str(target)).execute(
        ["git", "config", "--get", "remote.origin.url"],
        with_extended_output=True,
        with_exceptions=False,
    )
    if status != 0 or url.strip() != repo.url:  # the configured source moved
        _run(repo, target, ["remote", "set-url", "origin", repo.url], timeout_s)
    _run(repo, target, ["fetch", "--prune", "--quiet", "origin"], timeout_s)


def _run(repo: ReferenceRepo, cwd: Path | None, args: list[str], timeout_s: float) -> None:
    env = {"GIT_TERMINAL_PROMPT": "0", "LC_ALL": "C"}
    if "GIT_SSH_COMMAND" not in os.environ:
        env["GIT_SSH_COMMAND"] = "ssh -o BatchMode=yes -o ConnectTimeout=30"
    try:
        git.Git(str(cwd) if cwd else None).execute(
            ["git", *NETWORK_CONFIG, *args], env=env, kill_after_timeout=timeout_s
        )
    except git.GitCommandError as exc:
        raise RepoUnavailableError(f"{repo.name}: cannot reach {repo.url}: {_cause(exc)}") from exc


def _cause(exc: git.GitCommandError) -> str:
    """The telling line of git's stderr ("Could not resolve host: ..."), else the status."""
    text = exc.stderr if isinstance(exc.stderr, str) else str(exc.stderr or "")
    text = text.strip().removeprefix("stderr:").strip().strip("'")
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    fatal = [line for line in lines if line.startswith(("fatal:", "error:"))]
    chosen = (fatal or lines or [f"git exited with status {exc.status}"])[-1]
    return chosen.removeprefix("fatal: ").removeprefix("error: ")
