"""The warehouse under concurrent writers, upserts and rewrites."""

from __future__ import annotations

import multiprocessing
from datetime import UTC, datetime
from pathlib import Path

import duckdb
import polars as pl
import pytest

from cs_pipelines.harvest.harvester import HarvestResult
from cs_pipelines.harvest.schema import RAW_COMMITS_SCHEMA, REQUIRED_COLUMNS
from cs_pipelines.warehouse import Warehouse, WarehouseLockTimeout
from cs_pipelines.warehouse.commits import (
    apply_harvest,
    known_shas,
    latest_harvests,
    read_watermark,
    record_failure,
)


def fake_commits(repo: str, shas: list[str]) -> pl.DataFrame:
    """Minimal rows: the required columns set, everything else null."""
    now = datetime(2026, 1, 1, tzinfo=UTC)
    values = {
        "repo": repo, "sha": None, "parents": [], "is_merge": False, "authored_at": now,
        "committed_at": now, "subject": "Change", "files": [], "harvested_at": now,
    }  # fmt: skip
    assert set(values) == set(REQUIRED_COLUMNS)
    rows = [{**values, "sha": sha} for sha in shas]
    return pl.DataFrame(rows, schema=RAW_COMMITS_SCHEMA)


def harvest_result(tmp: Path, repo: str, batches: list[list[str]], removed=()) -> HarvestResult:
    files = []
    for index, shas in enumerate(batches):
        path = tmp / f"{repo}-{index}.parquet"
        fake_commits(repo, shas).write_parquet(path)
        files.append(path)
    head = batches[-1][-1] if batches else None
    return HarvestResult(
        repo=repo,
        ref="main",
        head_sha=head,
        mode="initial",
        batch_files=files,
        n_commits=sum(map(len, batches)),
        n_errors=0,
        removed_shas=list(removed),
        duration_s=0.1,
        notes=[],
    )


def _writer(db: str, tmp: str, repo: str, rounds: int) -> None:
    warehouse = Warehouse(db, lock_timeout_s=120)
    for round_ in range(rounds):
        shas = [f"{repo}-{round_}-{i}" for i in range(300)]
        apply_harvest(warehouse, harvest_result(Path(tmp), f"{repo}", [shas[:150], shas[150:]]))


def test_parallel_writers_from_several_processes_lose_nothing(tmp_path: Path):
    db = str(tmp_path / "warehouse.duckdb")
    context = multiprocessing.get_context("spawn")
    workers = [
        context.Process(target=_writer, args=(db, str(tmp_path), f"repo{i}", 4)) for i in range(4)
    ]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=300)
    assert [w.exitcode for w in workers] == [0, 0, 0, 0]
    counts = Warehouse(db).query(
        "SELECT repo, count(*) AS n, count(DISTINCT sha) AS d FROM raw_commits GROUP BY repo"
    )
    assert sorted(counts["repo"]) == ["repo0", "repo1", "repo2", "repo3"]
    assert counts["n"].to_list() == [1200] * 4
    assert counts["d"].to_list() == [1200] * 4


def test_upsert_is_idempotent_and_moves_the_watermark(tmp_path: Path):
    warehouse = Warehouse(tmp_path / "w.duckdb")
    result = harvest_result(tmp_path, "r", [["a", "b"], ["c"]])
    assert apply_harvest(warehouse, result) == 3
    assert apply_harvest(warehouse, result) == 3  # replayed batches replace, never duplicate
    assert read_watermark(warehouse, "r") == "c"
    assert known_shas(warehouse, "r") == {"a", "b", "c"}


def test_rewrite_removes_commits_no_longer_reachable(tmp_path: Path):
    warehouse = Warehouse(tmp_path / "w.duckdb")
    apply_harvest(warehouse, harvest_result(tmp_path, "r", [["a", "b", "c"]]))
    apply_harvest(warehouse, harvest_result(tmp_path, "r", [["d"]], removed=["b", "c"]))
    assert known_shas(warehouse, "r") == {"a", "d"}
    assert read_watermark(warehouse, "r") == "d"


def test_a_failing_batch_rolls_back_rows_and_watermark(tmp_path: Path):
    warehouse = Warehouse(tmp_path / "w.duckdb")
    apply_harvest(warehouse, harvest_result(tmp_path, "r", [["a"]]))
    broken = harvest_result(tmp_path, "r", [["b"]])
    broken.batch_files[0].write_bytes(b"not parquet")
    with pytest.raises(Exception, match=r"(?i)parquet"):
        apply_harvest(warehouse, broken)
    assert known_shas(warehouse, "r") == {"a"}
    assert read_watermark(warehouse, "r") == "a"


def test_failures_are_logged_without_touching_data(tmp_path: Path):
    warehouse = Warehouse(tmp_path / "w.duckdb")
    apply_harvest(warehouse, harvest_result(tmp_path, "r", [["a"]]))
    record_failure(warehouse, "r", "r: cannot reach origin", run_id="run-1")
    latest = latest_harvests(warehouse)
    assert latest[0]["status"] == "failed" and "cannot reach" in latest[0]["message"]
    assert known_shas(warehouse, "r") == {"a"}


def test_a_held_lock_times_out_with_a_clear_error(tmp_path: Path):
    holder = Warehouse(tmp_path / "w.duckdb")
    waiter = Warehouse(tmp_path / "w.duckdb", lock_timeout_s=0.2)
    with (
        holder.connect(),
        pytest.raises(WarehouseLockTimeout, match=r"w\.duckdb"),
        waiter.connect(),
    ):
        pass


def test_replacing_several_tables_is_all_or_nothing(tmp_path: Path):
    warehouse = Warehouse(tmp_path / "w.duckdb")
    warehouse.replace_tables({"a": pl.DataFrame({"x": [1]}), "b": pl.DataFrame({"y": [1]})})
    no_columns = pl.DataFrame()  # DuckDB refuses a table without columns
    with pytest.raises(duckdb.InvalidInputException, match="at least one column"):
        warehouse.replace_tables({"a": pl.DataFrame({"x": [2]}), "b": no_columns})
    assert warehouse.query("SELECT x FROM a")["x"].to_list() == [1]
    assert warehouse.query("SELECT y FROM b")["y"].to_list() == [1]


def test_replace_rows_swaps_one_key_and_keeps_the_others(tmp_path: Path):
    warehouse = Warehouse(tmp_path / "w.duckdb")
    base = pl.DataFrame({"model_version": ["base", "base"], "value": [0.1, 0.2]})
    tuned = pl.DataFrame({"model_version": ["v1"], "value": [0.5]})
    warehouse.replace_rows("scores", base, "model_version", "base")
    warehouse.replace_rows("scores", tuned, "model_version", "v1")
    warehouse.replace_rows("scores", base.head(1), "model_version", "base")
    rows = warehouse.query("SELECT * FROM scores ORDER BY model_version").rows()
    assert rows == [("base", 0.1), ("v1", 0.5)]
    with pytest.raises(duckdb.Error):  # a column the table lacks: nothing changes
        warehouse.replace_rows("scores", tuned.with_columns(extra=pl.lit(1)), "model_version", "v1")
    assert warehouse.query("SELECT count(*) AS n FROM scores")["n"][0] == 2
    with pytest.raises(ValueError, match="no 'model_version' column"):
        warehouse.replace_rows("scores", pl.DataFrame({"value": [1.0]}), "model_version", "x")
