"""`cs-pipelines run`, the main job behind `make run`, on a temporary platform."""

from __future__ import annotations

import pytest

from cs_pipelines.cli import main
from cs_pipelines_tests.orchestration.conftest import Platform


def test_main_job_harvests_what_it_can_reach_and_says_what_it_skipped(
    platform: Platform, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
):
    monkeypatch.setenv("DAGSTER_HOME", str(platform.data_dir / "dagster_home"))
    assert main(["run", "--repos", str(platform.repos_file)]) == 0
    out = capsys.readouterr().out
    assert "alpha                initial: 3 new commits, 3 stored" in out
    assert "beta                 initial: 6 new commits, 6 stored" in out
    skipped = next(line for line in out.splitlines() if line.strip().startswith("offline"))
    assert "SKIPPED" in skipped and "unreachable.invalid" in skipped
    assert "raw_commits                   9 rows" in out
    assert (platform.data_dir / "dagster_home" / "dagster.yaml").exists()
    assert any((platform.data_dir / "logs").iterdir())

    assert main(["run", "--repos", str(platform.repos_file)]) == 0  # idempotent
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
