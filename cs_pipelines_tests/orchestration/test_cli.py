"""`cs-pipelines run`, the main job behind `make run`, on a temporary platform."""

from __future__ import annotations

import re

import pytest

from cs_pipelines.cli import main
from cs_pipelines_tests.orchestration.conftest import Platform


def run_main(platform: Platform, *extra: str) -> None:
    """``cs-pipelines run`` that must succeed; on failure, show the end of its Dagster log."""
    if main(["run", "--repos", str(platform.repos_file), *extra]) != 0:
        logs = sorted((platform.data_dir / "logs").glob("run-*.log"))
        tail = logs[-1].read_text(errors="replace")[-4000:] if logs else "(no log)"
        pytest.fail(f"cs-pipelines run failed; the end of its Dagster log:\n{tail}")


def test_main_job_harvests_what_it_can_reach_and_says_what_it_skipped(
    platform: Platform, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
):
    monkeypatch.setenv("DAGSTER_HOME", str(platform.data_dir / "dagster_home"))
    run_main(platform, "--quick")
    out = capsys.readouterr().out
    assert "score the base model ... ok" in out
    holdout = out.split("Held-out SFT tasks (unseen families):")[1].splitlines()[1]
    assert holdout.split()[0] == "base" and "(2 tasks; strategies " in holdout
    assert "functions " in holdout and "completion loss" in holdout
    section = out.split("CryptoEval pass@1 (tasks scored):")[1]
    scores = next(line for line in section.splitlines() if line.strip().startswith("base "))
    assert "explain" in scores and "fix" in scores and "generate" in scores and "(1)" in scores
    assert re.search(r"generate \d\.\d{3} \[\d\.\d{3}, \d\.\d{3}\] \(1\)", scores)
    paired = next(line for line in section.splitlines() if "vs base, paired" in line)
    assert "McNemar p=" in paired and "of 3 tasks" in paired and "significant" in paired
    # one unpartitioned run, RL last: it continues the version SFT registered in this run
    assert "strategy_candidates, sft_dataset, sft_adapter, rl_policy ... ok" in out
    assert "score cs-trader-coder/1 ... ok" in out
    assert re.search(r"version 1 +SFT\n", out)
    assert "sft_dataset" in out and "strategy_candidates" in out
    assert "alpha                initial: 3 new commits, 3 stored" in out
    assert "beta                 initial: 6 new commits, 6 stored" in out
    skipped = next(line for line in out.splitlines() if line.strip().startswith("offline"))
    assert "SKIPPED" in skipped and "unreachable.invalid" in skipped
    assert "raw_commits                   9 rows" in out
    assert (platform.data_dir / "dagster_home" / "dagster.yaml").exists()
    assert any((platform.data_dir / "logs").iterdir())

    run_main(platform, "--quick")  # idempotent; the scores are kept
    out = capsys.readouterr().out
    assert "alpha                unchanged: 0 new commits, 3 stored" in out
    assert "raw_commits                   9 rows" in out


def test_main_job_fails_when_nothing_can_be_harvested(
    platform: Platform, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
):
    monkeypatch.setenv("DAGSTER_HOME", str(platform.data_dir / "dagster_home"))
    only_offline = platform.repos_file.with_name("offline.yaml")
    only_offline.write_text(
        "repositories:\n  - {name: offline, url: 'https://unreachable.invalid/y'}\n"
    )
    assert main(["run", "--repos", str(only_offline)]) == 1
    assert "no repository harvested" in capsys.readouterr().err
