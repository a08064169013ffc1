"""Several repository partitions harvested at once, each step in its own process.

As under the UI's default run launcher, every run executes in a process of its own and uses the
job's multiprocess executor, so the harvest steps of the three partitions write to the one
DuckDB file from three processes at the same time.
"""

from __future__ import annotations

import multiprocessing
import time
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


def wait_until_harvest_steps_started(instance: dg.DagsterInstance, count: int) -> None:
    """Poll the event log until ``count`` runs have started their harvest step."""
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        started = [
            run.run_id
            for run in instance.get_runs()
            if any(
                record.step_key == "raw_commits"
                for record in instance.all_logs(run.run_id, of_type=dg.DagsterEventType.STEP_START)
            )
        ]
        if len(started) >= count:
            return
        time.sleep(0.2)
    raise AssertionError(f"only {len(started)} of {count} harvest steps started within 300 s")


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
        warehouse = Warehouse(tmp_path / "data" / "warehouse.duckdb")
        with ProcessPoolExecutor(max_workers=len(REPOS), mp_context=spawn) as pool:
            # Holding the warehouse until every harvest step has started makes the steps overlap
            # however slowly the run processes start on a loaded machine: none can store a batch,
            # so none can finish, before the last one is running.
            with warehouse.connect():
                runs = [pool.submit(run_partition, instance.get_ref(), name) for name in REPOS]
                wait_until_harvest_steps_started(instance, len(REPOS))
            results = [run.result(timeout=400) for run in runs]
        assert [ok for _, ok in results] == [True] * len(REPOS)
        run_ids = [run_id for run_id, _ in results]
        starts = [step_time(instance, run_id, "STEP_START") for run_id in run_ids]
        ends = [step_time(instance, run_id, "STEP_SUCCESS") for run_id in run_ids]
        assert max(starts) < min(ends), "the harvest steps did not overlap"

    stored = warehouse.query(
        "SELECT repo, count(*) AS n, count(DISTINCT sha) AS d FROM raw_commits GROUP BY repo"
    )
    for name, n, distinct in stored.iter_rows():
        expected = set(commit_shas(tmp_path / "src" / f"{name}.git"))
        assert n == distinct == len(expected) == REPOS[name]
