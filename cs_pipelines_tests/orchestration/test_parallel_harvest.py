"""Several repository partitions harvested at once, each step in its own process.

As under the UI's default run launcher, every run executes in a process of its own and uses the
job's multiprocess executor, so the harvest steps of the three partitions write to the one
DuckDB file from three processes at the same time.
"""

from __future__ import annotations

import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import dagster as dg
import pytest

from cs_pipelines.definitions import defs
from cs_pipelines.warehouse import Warehouse
from cs_pipelines_tests.gitrepos import commit_shas, make_history_repo

REPOS = {"one": 700, "two": 500, "three": 600}


def harvest_job() -> dg.JobDefinition:
    return defs.resolve_job_def("harvest_job")


def run_partition(instance_ref: dg.InstanceRef, name: str) -> tuple[str, bool]:
    """One run, as a run worker process executes it."""
    small_batches = {"ops": {"raw_commits": {"config": {"batch_size": 50}}}}
    with dg.DagsterInstance.from_ref(instance_ref) as instance:
        result = dg.execute_job(
            dg.reconstructable(harvest_job),
            instance=instance,
            run_config=small_batches,
            tags={"dagster/partition": name},
        )
        return result.run_id, result.success


def step_time(instance: dg.DagsterInstance, run_id: str, event_type: str) -> float:
    """When the run's harvest step emitted ``event_type``."""
    return next(
        record.timestamp
        for record in instance.all_logs(run_id)
        if record.dagster_event
        and record.dagster_event.event_type_value == event_type
        and record.step_key == "raw_commits"
    )


@pytest.fixture
def repos_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    lines = ["repositories:"]
    for seed, (name, n_commits) in enumerate(REPOS.items()):
        source = make_history_repo(tmp_path / "src" / f"{name}.git", n_commits, seed=seed)
        lines.append(f"  - {{name: {name}, path: '{source}'}}")
    path = tmp_path / "repos.yaml"
    path.write_text("\n".join(lines) + "\n")
    monkeypatch.setenv("CS_REFERENCE_REPOS", str(path))
    return path


def test_concurrent_partition_runs_neither_fail_nor_lose_rows(repos_file: Path, tmp_path: Path):
    with dg.instance_for_test() as instance:
        instance.add_dynamic_partitions("reference_repos", list(REPOS))
        spawn = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(max_workers=len(REPOS), mp_context=spawn) as pool:
            runs = [pool.submit(run_partition, instance.get_ref(), name) for name in REPOS]
            results = [run.result(timeout=400) for run in runs]
        assert [ok for _, ok in results] == [True] * len(REPOS)
        run_ids = [run_id for run_id, _ in results]
        starts = [step_time(instance, run_id, "STEP_START") for run_id in run_ids]
        ends = [step_time(instance, run_id, "STEP_SUCCESS") for run_id in run_ids]
        assert max(starts) < min(ends), "the harvest steps did not overlap"

    warehouse = Warehouse(tmp_path / "data" / "warehouse.duckdb")
    stored = warehouse.query(
        "SELECT repo, count(*) AS n, count(DISTINCT sha) AS d FROM raw_commits GROUP BY repo"
    )
    for name, n, distinct in stored.iter_rows():
        expected = set(commit_shas(tmp_path / "src" / f"{name}.git"))
        assert n == distinct == len(expected) == REPOS[name]
