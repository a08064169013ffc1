"""harvest_repository modes (initial, unchanged, incremental, rewritten, empty) and mirrors."""

from __future__ import annotations

import time
from pathlib import Path

import polars as pl
import pytest

from cs_pipelines.harvest.harvester import (
    HarvestConfig,
    HarvestError,
    HarvestResult,
    harvest_repository,
)
from cs_pipelines.harvest.mirror import RepoUnavailableError, sync_mirror
from cs_pipelines.harvest.repos import ReferenceRepo
from cs_pipelines.harvest.schema import RAW_COMMITS_SCHEMA
from cs_pipelines_tests.gitrepos import GitRepoBuilder, commit_shas, make_linear_repo, run_git

CONFIG = HarvestConfig(batch_size=3)


def _no_known_shas() -> set[str]:
    raise AssertionError("known_shas must only be called for a rewritten history")


def harvest(
    repo: ReferenceRepo,
    mirror: Path,
    staging: Path,
    watermark: str | None = None,
    known: set[str] | None = None,
    config: HarvestConfig = CONFIG,
) -> tuple[HarvestResult, pl.DataFrame]:
    seen: list[int] = []
    result = harvest_repository(
        repo,
        mirror,
        watermark,
        (lambda: set(known)) if known is not None else _no_known_shas,
        staging,
        config,
        progress=seen.append,
    )
    frames = [pl.read_parquet(path) for path in result.batch_files]
    for path in result.batch_files:
        assert path.parent == staging
    assert seen == sorted(seen) and (not seen or seen[-1] == result.n_commits)
    frame = pl.concat(frames) if frames else pl.DataFrame(schema=RAW_COMMITS_SCHEMA)
    assert frame.schema == pl.Schema(RAW_COMMITS_SCHEMA)
    return result, frame


def add_commits(builder: GitRepoBuilder, start: int, count: int) -> list[str]:
    shas = []
    for i in range(start, start + count):
        builder.write(f"f{i}.py", f"x = {i}\n")
        shas.append(builder.commit(f"Commit {i}"))
    return shas


@pytest.fixture
def source(tmp_path: Path) -> GitRepoBuilder:
    builder = GitRepoBuilder(tmp_path / "source")
    add_commits(builder, 0, 5)
    return builder


def test_initial_then_unchanged_then_incremental(source: GitRepoBuilder, tmp_path: Path) -> None:
    repo = ReferenceRepo(name="src", url=str(source.path), license="MIT")
    mirror = sync_mirror(repo, tmp_path / "mirrors")
    assert mirror == tmp_path / "mirrors" / "src.git"

    first, frame = harvest(repo, mirror, tmp_path / "s1")
    assert (first.mode, first.n_commits, first.n_errors) == ("initial", 5, 0)
    assert first.ref == "refs/heads/main" and first.head_sha == source.head()
    assert len(first.batch_files) == 2 and sorted(frame["sha"]) == sorted(commit_shas(mirror))

    same, frame = harvest(repo, mirror, tmp_path / "s2", watermark=first.head_sha)
    assert (same.mode, same.batch_files, same.n_commits) == ("unchanged", [], 0)

    new = add_commits(source, 5, 2)
    sync_mirror(repo, tmp_path / "mirrors")
    more, frame = harvest(repo, mirror, tmp_path / "s3", watermark=first.head_sha)
    assert (more.mode, more.head_sha) == ("incremental", new[-1])
    assert sorted(frame["sha"]) == sorted(new)


def test_force_push_is_reconciled(source: GitRepoBuilder, tmp_path: Path) -> None:
    repo = ReferenceRepo(name="src", url=str(source.path))
    mirror = sync_mirror(repo, tmp_path / "mirrors")
    first, frame = harvest(repo, mirror, tmp_path / "s1")
    dropped = commit_shas(source.git_dir, ["HEAD~2..HEAD"])
    source.reset_hard("HEAD~2")
    rewritten = add_commits(source, 100, 3)
    sync_mirror(repo, tmp_path / "mirrors")

    known = set(frame["sha"])
    result, new = harvest(repo, mirror, tmp_path / "s2", watermark=first.head_sha, known=known)
    assert result.mode == "rewritten" and result.head_sha == rewritten[-1]
    assert sorted(result.removed_shas) == sorted(dropped)
    assert sorted(new["sha"]) == sorted(rewritten)


def test_watermark_object_gone_counts_as_rewritten(source: GitRepoBuilder, tmp_path: Path) -> None:
    repo = ReferenceRepo(name="src", url=str(source.path))
    known = set(commit_shas(source.git_dir))
    result, frame = harvest(repo, source.git_dir, tmp_path / "s", "f" * 40, known | {"e" * 40})
    assert result.mode == "rewritten"
    assert result.removed_shas == ["e" * 40] and frame.height == 0


def test_empty_repository(tmp_path: Path) -> None:
    source = tmp_path / "empty"
    run_git(None, "init", "-q", str(source))
    repo = ReferenceRepo(name="empty", url=str(source))
    mirror = sync_mirror(repo, tmp_path / "mirrors")
    result, frame = harvest(repo, mirror, tmp_path / "s")
    assert (result.mode, result.ref, result.head_sha, frame.height) == ("empty", None, None, 0)


def test_configured_branch_and_a_missing_one(source: GitRepoBuilder, tmp_path: Path) -> None:
    source.checkout("dev", create=True)
    dev = add_commits(source, 50, 1)
    source.checkout("main")
    repo = ReferenceRepo(name="src", url=str(source.path), branch="dev")
    result, frame = harvest(repo, source.git_dir, tmp_path / "s")
    assert result.ref == "refs/heads/dev" and result.head_sha == dev[0] and frame.height == 6
    missing = ReferenceRepo(name="src", url=str(source.path), branch="nope")
    with pytest.raises(HarvestError, match="src: branch 'nope' not found"):
        harvest(missing, source.git_dir, tmp_path / "s2")


def test_not_a_repository_names_the_repo(tmp_path: Path) -> None:
    repo = ReferenceRepo(name="ghost", url="/nowhere")
    with pytest.raises(HarvestError, match=r"ghost: mirror .* does not exist"):
        harvest(repo, tmp_path / "ghost.git", tmp_path / "s")


def test_unchanged_is_fast_on_a_long_history(tmp_path: Path) -> None:
    mirror = make_linear_repo(tmp_path / "long.git", 20_000)
    head = commit_shas(mirror, ["-1", "HEAD"])[0]
    repo = ReferenceRepo(name="long", url=str(mirror))
    started = time.perf_counter()
    result, _ = harvest(repo, mirror, tmp_path / "s", watermark=head)
    assert result.mode == "unchanged" and time.perf_counter() - started < 1.0


def test_unreachable_url_raises_naming_the_repo(tmp_path: Path) -> None:
    repo = ReferenceRepo(name="backtrader", url="https://nonexistent.invalid/mementum/bt.git")
    with pytest.raises(RepoUnavailableError, match=r"^backtrader: cannot reach https://"):
        sync_mirror(repo, tmp_path / "mirrors", timeout_s=30)
    assert list((tmp_path / "mirrors").iterdir()) == []  # no half mirror left behind
    local = ReferenceRepo(name="gone", url=str(tmp_path / "gone"))
    with pytest.raises(RepoUnavailableError, match="gone: cannot reach"):
        sync_mirror(local, tmp_path / "mirrors")


def test_fetch_failure_on_an_existing_mirror_raises(source: GitRepoBuilder, tmp_path: Path) -> None:
    repo = ReferenceRepo(name="src", url=str(source.path))
    mirror = sync_mirror(repo, tmp_path / "mirrors")
    moved = ReferenceRepo(name="src", url="file:///nonexistent/src.git")
    with pytest.raises(RepoUnavailableError, match="src: cannot reach file:///nonexistent"):
        sync_mirror(moved, tmp_path / "mirrors")
    assert (mirror / "HEAD").exists()


def test_sync_picks_up_new_commits(source: GitRepoBuilder, tmp_path: Path) -> None:
    repo = ReferenceRepo(name="src", url=str(source.path))
    mirror = sync_mirror(repo, tmp_path / "mirrors")
    new = add_commits(source, 10, 1)
    assert sync_mirror(repo, tmp_path / "mirrors") == mirror
    assert run_git(mirror, "rev-parse", "HEAD").strip() == new[0]
