"""The table catalogue on a real DuckDB file: readers return what writers stored, and the
data-quality queries find planted bad rows."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import polars as pl
import pytest

from cs_pipelines.harvest.schema import RAW_COMMITS_SCHEMA
from cs_pipelines.warehouse import Warehouse
from cs_pipelines.warehouse import tables as t
from cs_pipelines.warehouse.commits import apply_harvest
from cs_pipelines_tests.test_warehouse import fake_commits, harvest_result


@pytest.fixture
def warehouse(tmp_path: Path) -> Warehouse:
    return Warehouse(tmp_path / "w.duckdb")


def store_commits(warehouse: Warehouse, frame: pl.DataFrame) -> None:
    """Write ``frame`` into raw_commits as is (bypassing the upsert, to plant bad rows)."""
    with warehouse.connect() as conn:
        conn.register("planted", frame.to_arrow())
        conn.execute("INSERT INTO raw_commits BY NAME SELECT * FROM planted")
        conn.unregister("planted")


def test_every_table_is_named_once():
    names = [table.name for table in t.CATALOGUE]
    assert len(names) == len(set(names))
    assert {"raw_commits", "cryptoeval_scores", "market_bars", "sft_holdout_scores"} <= set(names)


def test_a_table_reads_back_what_replaced_it(warehouse: Warehouse):
    assert not t.MARKET_BARS.exists(warehouse)
    assert t.MARKET_BARS.read_if_exists(warehouse) is None
    bars = pl.DataFrame({"symbol": ["B", "A"], "close": [2.0, 1.0]})
    t.MARKET_BARS.replace(warehouse, bars)
    assert t.MARKET_BARS.exists(warehouse)
    assert t.MARKET_BARS.read(warehouse).equals(bars)
    assert t.MARKET_BARS.read_if_exists(warehouse).equals(bars)
    ordered = t.MARKET_BARS.read(warehouse, columns=["close"], order_by=["symbol"])
    assert ordered["close"].to_list() == [1.0, 2.0]
    t.MARKET_BARS.replace(warehouse, bars.head(1))
    assert t.MARKET_BARS.read(warehouse).height == 1


def test_keyed_tables_replace_one_version_and_keep_the_others(warehouse: Warehouse):
    assert t.read_cryptoeval_scores(warehouse, "base").is_empty()  # never scored: empty, no error
    scores = pl.DataFrame({"model_version": ["base"], "metric": ["pass@1"], "value": [0.25]})
    results = pl.DataFrame({"model_version": ["base"] * 3, "task_id": ["a", "a", "b"]})
    t.write_cryptoeval_run(warehouse, "base", results, scores)
    tuned = scores.with_columns(model_version=pl.lit("v1"), value=pl.lit(0.5))
    t.write_cryptoeval_run(
        warehouse, "v1", results.head(1).with_columns(model_version=pl.lit("v1")), tuned
    )
    no_intervals = {c: pl.lit(None, dtype=pl.Float64) for c in t.SCORE_INTERVAL_COLUMNS}
    assert t.read_cryptoeval_scores(warehouse, "base").equals(scores.with_columns(**no_intervals))
    assert t.read_cryptoeval_scores(warehouse, "v1").equals(tuned.with_columns(**no_intervals))
    per_task = t.samples_per_task(warehouse, "base").sort("task_id")
    assert per_task.rows() == [("a", 2), ("b", 1)]
    with pytest.raises(ValueError, match="no key"):
        t.MARKET_BARS.rows_for(warehouse, "base")


def test_a_warehouse_written_before_score_intervals_takes_them_on(warehouse: Warehouse):
    """Scores stored with the old schema (no ci_low, ci_high) still read, and a new version's
    scores, which have them, are written beside them."""
    old = pl.DataFrame(
        {"model_version": ["base"], "scope": ["all"], "group": ["all"], "metric": ["pass@1"],
         "value": [0.25], "n_tasks": [4], "fingerprint": ["f0"]}
    )  # fmt: skip
    results = pl.DataFrame(
        {"model_version": ["base"] * 3, "task_id": ["a", "a", "b"], "passed": [True, False, True]}
    )
    t.write_cryptoeval_run(warehouse, "base", results, old)
    stored = t.read_cryptoeval_scores(warehouse, "base")
    assert stored["ci_low"].to_list() == [None] and stored["value"].to_list() == [0.25]

    new = old.with_columns(
        model_version=pl.lit("v1"), value=pl.lit(0.5), ci_low=pl.lit(0.2), ci_high=pl.lit(0.8)
    )
    t.write_cryptoeval_run(warehouse, "v1", results.with_columns(model_version=pl.lit("v1")), new)
    assert t.read_cryptoeval_scores(warehouse, "v1").equals(new)
    assert t.read_cryptoeval_scores(warehouse, "base").equals(stored)  # untouched, nulls
    t.write_cryptoeval_run(
        warehouse, "base", results, new.with_columns(model_version=pl.lit("base"))
    )
    assert t.read_cryptoeval_scores(warehouse, "base")["ci_high"].to_list() == [0.8]
    assert t.pass_counts_per_task(warehouse, "base") == {"a": (2, 1), "b": (1, 1)}
    assert t.pass_counts_per_task(warehouse, "nobody") == {}


def test_per_task_readers_before_and_after_the_first_write(warehouse: Warehouse):
    assert t.pass_counts_per_task(warehouse, "base") == {}
    assert t.holdout_verified(warehouse, "base") == {}
    answers = pl.DataFrame(
        {"model_version": ["v1", "v1"], "task_id": ["x", "y"], "verified": [True, False]}
    )
    t.write_holdout_run(warehouse, "v1", answers, pl.DataFrame({"model_version": ["v1"]}))
    assert t.holdout_verified(warehouse, "v1") == {"x": True, "y": False}
    assert t.holdout_verified(warehouse, "v2") == {}


def test_the_overviews_hold_every_version(warehouse: Warehouse):
    scores = pl.DataFrame(
        {
            "model_version": ["base"] * 3,
            "metric": ["pass@1", "pass@1", "pass@5"],
            "scope": ["all", "variant", "all"],
            "group": ["all", "fix", "all"],
            "value": [0.2, 0.1, 0.4],
            "n_tasks": [10, 4, 10],
        }
    )
    t.write_cryptoeval_run(warehouse, "base", pl.DataFrame({"model_version": ["base"]}), scores)
    overview = t.pass_at_1_overview(warehouse).rows()
    # Scores written without intervals (as before they existed) read back with null bounds.
    assert overview == [("base", "all", 0.2, None, None, 10), ("base", "fix", 0.1, None, None, 4)]
    with_bounds = scores.with_columns(ci_low=pl.lit(0.05), ci_high=pl.lit(0.45))
    t.write_cryptoeval_run(
        warehouse, "base", pl.DataFrame({"model_version": ["base"]}), with_bounds
    )
    assert t.pass_at_1_overview(warehouse).row(0) == ("base", "all", 0.2, 0.05, 0.45, 10)
    holdout = pl.DataFrame(
        {
            "model_version": ["v1", "v1"],
            "metric": ["verified@1", "completion_loss"],
            "value": [0.5, 1.5],
            "n_tasks": [6, 6],
        }
    )
    answers = pl.DataFrame({"model_version": ["v1"], "task_id": ["x"]})
    t.write_holdout_run(warehouse, "v1", answers, holdout)
    assert t.SFT_HOLDOUT_RESULTS.rows_for(warehouse, "v1").equals(answers)
    (row,) = t.holdout_overview(warehouse).to_dicts()
    assert row == {"model_version": "v1", "n_tasks": 6, "verified@1": 0.5, "completion_loss": 1.5}


def test_raw_commit_readers_return_what_the_harvest_stored(warehouse: Warehouse, tmp_path: Path):
    apply_harvest(warehouse, harvest_result(tmp_path, "r1", [["b", "a"]]))
    apply_harvest(warehouse, harvest_result(tmp_path, "r2", [["c"]]))
    assert t.read_raw_commits(warehouse)["sha"].to_list() == ["a", "b", "c"]
    assert t.read_raw_commits(warehouse, repo="r2")["sha"].to_list() == ["c"]
    assert t.commits_per_repo(warehouse) == {"r1": 2, "r2": 1}
    assert t.recent_commits(warehouse, "r1", limit=1).height == 1
    assert set(t.recent_commits(warehouse, "r1")["sha"]) == {"a", "b"}


def test_raw_commit_checks_find_planted_bad_rows(warehouse: Warehouse):
    good = fake_commits("r", ["a", "b"])
    store_commits(warehouse, good)
    assert t.duplicate_raw_commit_keys(warehouse).is_empty()
    assert not any(t.raw_commit_null_counts(warehouse).values())
    assert t.raw_commits_with_bad_timestamps(warehouse).is_empty()

    ancient = datetime(1960, 1, 1, tzinfo=UTC)
    bad = pl.DataFrame(
        [
            {**good.row(0, named=True)},  # a second copy of (r, a)
            {**good.row(1, named=True), "sha": "c", "subject": None, "authored_at": ancient},
        ],
        schema=RAW_COMMITS_SCHEMA,
    )
    store_commits(warehouse, bad)
    assert t.duplicate_raw_commit_keys(warehouse).rows() == [("r", "a", 2)]
    nulls = t.raw_commit_null_counts(warehouse)
    assert {column: n for column, n in nulls.items() if n} == {"subject": 1}
    assert t.raw_commits_with_bad_timestamps(warehouse)["sha"].to_list() == ["c"]


def instructions(**overrides: list) -> pl.DataFrame:
    columns = {
        "repo": ["r", "r"],
        "sha": ["a", "b"],
        "instruction": ["Add RSI", "Fix stop"],
        "new_contents": ["x = 1", "y = 2"],
        "language": ["Python", "Python"],
        "content_hash": ["h1", "h2"],
    }
    return pl.DataFrame({**columns, **overrides})


def test_curation_tables_are_written_together_and_checked(warehouse: Warehouse):
    rejections = pl.DataFrame({"sha": ["z"], "rule": ["too_short"]})
    report = pl.DataFrame({"rule": ["too_short"], "removed": [1]})
    t.write_curation(warehouse, instructions(), rejections, report)
    assert t.COMMIT_INSTRUCTIONS.read(warehouse, order_by=["sha"]).equals(instructions())
    assert t.COMMIT_REJECTIONS.read(warehouse).equals(rejections)
    assert t.FILTER_REPORT.read(warehouse).equals(report)
    assert t.duplicate_instructions(warehouse).is_empty()
    assert t.incomplete_instructions(warehouse).is_empty()

    planted = instructions(
        content_hash=["h1", "h1"], instruction=["Add RSI", " "], new_contents=["x = 1", "y = 2"]
    )
    t.write_curation(warehouse, planted, rejections, report)
    assert t.duplicate_instructions(warehouse).rows() == [("content_hash", "h1", 2)]
    assert t.incomplete_instructions(warehouse)["sha"].to_list() == ["b"]


def test_candidates_keep_their_json_columns(warehouse: Warehouse):
    strategy = {"task_id": "s1", "verified": True, "metrics": {"sharpe": 1.5}, "meta": {}}
    function = {"task_id": "f1", "verified": False, "metrics": {}, "meta": {"n": [1, 2]}}
    t.STRATEGY_CANDIDATES.replace(warehouse, t.candidates_frame([strategy]))
    t.FUNCTION_CANDIDATES.replace(warehouse, t.candidates_frame([function]))
    stored = t.read_candidates(warehouse, (t.STRATEGY_CANDIDATES, t.FUNCTION_CANDIDATES))
    assert stored == [strategy, function]


def test_function_task_ids_read_the_stored_tasks(warehouse: Warehouse):
    t.FUNCTION_TASKS.replace(warehouse, pl.DataFrame({"task_id": ["f1", "f2"], "prompt": ["", ""]}))
    assert t.function_task_ids(warehouse) == {"f1", "f2"}


def test_a_versions_results_and_scores_change_together_or_not_at_all(warehouse: Warehouse):
    scores = pl.DataFrame({"model_version": ["base"], "metric": ["pass@1"], "value": [0.25]})
    results = pl.DataFrame({"model_version": ["base"] * 2, "task_id": ["a", "b"]})
    t.write_cryptoeval_run(warehouse, "base", results, scores)
    # The new results are fine, the new scores do not fit the table: neither may land.
    rescored = results.head(1)
    misfit = scores.with_columns(unknown_column=pl.lit(1))
    with pytest.raises(Exception, match="unknown_column"):
        t.write_cryptoeval_run(warehouse, "base", rescored, misfit)
    assert t.samples_per_task(warehouse, "base").height == 2
    no_intervals = {c: pl.lit(None, dtype=pl.Float64) for c in t.SCORE_INTERVAL_COLUMNS}
    assert t.read_cryptoeval_scores(warehouse, "base").equals(scores.with_columns(**no_intervals))
