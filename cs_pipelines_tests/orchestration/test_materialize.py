"""Materialize the assets through Dagster against a temporary warehouse and real repositories."""

from __future__ import annotations

import shutil

import dagster as dg

from cs_pipelines import paths
from cs_pipelines.definitions import defs
from cs_pipelines.defs.curation import commit_instructions_no_duplicates, curated_commits
from cs_pipelines.defs.evaluation import (
    cryptoeval_scores,
    cryptoeval_tasks,
    cryptoeval_tasks_valid,
)
from cs_pipelines.defs.harvest import (
    raw_commits,
    raw_commits_required_fields,
    raw_commits_timestamps_sane,
    raw_commits_unique_key,
)
from cs_pipelines.defs.partitions import model_version_partitions
from cs_pipelines.registry.versions import BASE_MODEL_VERSION
from cs_pipelines_tests.orchestration.conftest import STRATEGY_V2, Platform

HARVEST = [
    raw_commits,
    raw_commits_unique_key,
    raw_commits_required_fields,
    raw_commits_timestamps_sane,
]


def harvest(platform: Platform, instance: dg.DagsterInstance, repo: str, **kwargs):
    return dg.materialize(
        HARVEST, partition_key=repo, instance=instance, resources=platform.resources(), **kwargs
    )


def materialization_metadata(result: dg.ExecuteInProcessResult, key: str) -> dict:
    (event,) = [
        e for e in result.get_asset_materialization_events() if e.asset_key == dg.AssetKey(key)
    ]
    return {k: v.value for k, v in event.materialization.metadata.items()}


def test_harvest_stores_every_commit_and_rematerializing_changes_nothing(platform, instance):
    first = harvest(platform, instance, "alpha")
    assert first.success
    meta = materialization_metadata(first, "raw_commits")
    assert (meta["mode"], meta["new_commits"], meta["dagster/row_count"]) == ("initial", 3, 3)
    checks = first.get_asset_check_evaluations()
    assert {c.check_name for c in checks if c.passed} == {
        "raw_commits_unique_key",
        "raw_commits_required_fields",
        "raw_commits_timestamps_sane",
    }

    before = platform.warehouse.query("SELECT * FROM raw_commits ORDER BY sha")
    assert before["license"].to_list() == ["MIT"] * 3
    second = harvest(platform, instance, "alpha")
    assert materialization_metadata(second, "raw_commits")["mode"] == "unchanged"
    after = platform.warehouse.query("SELECT * FROM raw_commits ORDER BY sha")
    assert after.equals(before)


def test_new_commits_are_harvested_incrementally(platform, instance):
    harvest(platform, instance, "alpha")
    source = platform.sources["alpha"]
    source.write("strategies/breakout.py", "# simplified\n")
    new_sha = source.commit("Simplify the breakout strategy to a single rule")
    result = harvest(platform, instance, "alpha")
    meta = materialization_metadata(result, "raw_commits")
    assert (meta["mode"], meta["new_commits"], meta["dagster/row_count"]) == ("incremental", 1, 4)
    assert meta["head_sha"] == new_sha


def test_unreachable_repository_fails_its_partition_only(platform, instance):
    assert harvest(platform, instance, "alpha").success
    failed = harvest(platform, instance, "offline", raise_on_error=False)
    assert not failed.success
    (failure,) = [e for e in failed.all_events if e.event_type == dg.DagsterEventType.STEP_FAILURE]
    message = failure.step_failure_data.error.message
    assert "offline" in message and "unreachable.invalid" in message
    assert harvest(platform, instance, "beta").success
    counts = platform.warehouse.query(
        "SELECT repo, count(*) AS n FROM raw_commits GROUP BY repo ORDER BY repo"
    )
    assert counts.rows() == [("alpha", 3), ("beta", 6)]
    log = platform.warehouse.query("SELECT status, message FROM harvest_log WHERE repo = 'offline'")
    assert log["status"].to_list() == ["failed"]


def test_curation_keeps_good_commits_and_accounts_for_every_rejection(platform, instance):
    alpha = platform.sources["alpha"]  # a two-file change: kept in the unit form, from the mirror
    alpha.write("strategies/breakout.py", STRATEGY_V2.replace("0.05", "0.03"))
    alpha.write("strategies/sizing.py", "def position_size(cash, risk):\n    return cash * risk\n")
    alpha.commit("Reduce the trailing stop and size positions by risk")
    for repo in ("alpha", "beta"):
        assert harvest(platform, instance, repo).success
    result = dg.materialize(
        [raw_commits, curated_commits],
        instance=instance,
        resources=platform.resources(),
        selection=[curated_commits],
    )
    assert result.success
    report = materialization_metadata(result, "filter_report")
    assert report["input_commits"] == 10
    assert report["kept"] + report["removed"] == 10
    checks = {c.check_name: c.passed for c in result.get_asset_check_evaluations()}
    assert checks == {"rejections_add_up": True}
    kept = platform.warehouse.query("SELECT * FROM commit_instructions")
    rejected = platform.warehouse.query("SELECT * FROM commit_rejections")
    assert kept.height + rejected.height == 10
    # Both repositories hold the same trailing-stop change: dedup keeps one copy.
    assert kept.sort("committed_at").select("kind", "instruction").rows() == [
        ("file", "Add a trailing stop after each long entry"),
        ("units", "Reduce the trailing stop and size positions by risk"),
    ]
    instructions = materialization_metadata(result, "commit_instructions")
    assert instructions["by_kind"] == {"file": 1, "units": 1}
    reasons = dict(zip(rejected["sha"], rejected["rule"], strict=True))
    assert "exact_dedup" in rejected["stage"].to_list()
    assert "subject_length" in reasons.values()  # "wip"
    assert (platform.data_dir / "artifacts" / "reports" / "filter_report.png").stat().st_size > 0


def test_curation_checks_pass_on_curated_data_and_catch_duplicates(platform, instance):
    assert harvest(platform, instance, "beta").success
    job = defs.resolve_job_def("curation_job")
    result = job.execute_in_process(instance=instance)
    assert result.success
    checks = {c.check_name: c.passed for c in result.get_asset_check_evaluations()}
    assert checks == {
        "rejections_add_up": True,
        "commit_instructions_no_duplicates": True,
        "commit_instructions_required_fields": True,
    }
    with platform.warehouse.connect() as conn:  # corrupt the table: the check must notice
        conn.execute("INSERT INTO commit_instructions SELECT * FROM commit_instructions")
    evaluation = commit_instructions_no_duplicates(warehouse=platform.resources()["warehouse"])
    assert not evaluation.passed
    assert evaluation.metadata["duplicate_groups"].value > 0


def test_index_follows_the_curation_and_refreshes_incrementally(platform, instance):
    for repo in ("alpha", "beta"):
        assert harvest(platform, instance, repo).success
    assert defs.resolve_job_def("curation_job").execute_in_process(instance=instance).success
    first = defs.resolve_job_def("index_job").execute_in_process(instance=instance)
    assert first.success
    meta = materialization_metadata(first, "commit_index")
    assert (meta["mode"], meta["dagster/row_count"], meta["index_kind"]) == ("full", 1, "flat")
    assert meta["model"] == "all-MiniLM-L6-v2" and meta["dimension"] == 384
    assert "trailing stop" in meta["example_queries"]
    assert all(c.passed for c in first.get_asset_check_evaluations())
    assert len(first.get_asset_check_evaluations()) == 3
    mapping = platform.warehouse.query("SELECT * FROM commit_index_map")
    assert mapping.height == 1 and mapping["index_version"][0] == meta["version"]

    again = defs.resolve_job_def("index_job").execute_in_process(instance=instance)
    assert materialization_metadata(again, "commit_index")["mode"] == "unchanged"


def test_cryptoeval_tasks_land_in_a_file_and_the_warehouse_and_validate(platform, instance):
    result = dg.materialize(
        [cryptoeval_tasks, cryptoeval_tasks_valid],
        instance=instance,
        resources=platform.resources(),
    )
    assert result.success
    meta = materialization_metadata(result, "cryptoeval_tasks")
    assert meta["dagster/row_count"] >= 150 and meta["fix_variants"] >= 15
    table = platform.warehouse.query(
        "SELECT category, count(*) AS n FROM cryptoeval_tasks GROUP BY 1"
    )
    assert table["n"].sum() == meta["dagster/row_count"] and table.height >= 8
    (check,) = result.get_asset_check_evaluations()
    assert check.passed and check.metadata["broken"].value == 0


def test_cryptoeval_scores_a_model_version_into_the_warehouse_and_replaces_its_rows(
    platform, instance, tiny_model_dir
):
    """The base model partition, scored by a tiny random model on the real tokenizer: every
    selected task gets a row per sample and scores per scope; an unchanged rerun keeps them,
    a forced one replaces them."""
    shutil.copytree(tiny_model_dir, paths.base_model_dir())
    dg.materialize([cryptoeval_tasks], instance=instance, resources=platform.resources())
    instance.add_dynamic_partitions(model_version_partitions.name, [BASE_MODEL_VERSION])
    settings = {"tasks_per_variant": 2, "max_new_tokens": 8, "workers": 2}

    def score(**overrides):
        config = {**settings, **overrides}
        result = dg.materialize(
            [cryptoeval_scores],
            partition_key=BASE_MODEL_VERSION,
            instance=instance,
            resources=platform.resources(),
            run_config={"ops": {"cryptoeval_scores": {"config": config}}},
        )
        assert result.success
        return result, materialization_metadata(result, "cryptoeval_scores")

    _, first_meta = score()
    assert first_meta["reused"] is False and first_meta["samples"] == 6
    kept, kept_meta = score()  # nothing changed: the stored scores hold
    assert kept_meta["reused"] is True and kept_meta["pass@1"] == first_meta["pass@1"]
    assert kept.get_asset_check_evaluations()[0].passed
    result, meta = score(force=True)
    assert meta["reused"] is False
    meta = materialization_metadata(result, "cryptoeval_scores")
    assert meta["tasks"] == 6 and 0.0 <= meta["pass@1"] <= 1.0
    assert "pass@1" in meta["by_category"] and meta["chart"].startswith("![")
    (check,) = result.get_asset_check_evaluations()
    assert check.passed
    results = platform.warehouse.query(
        "SELECT variant, count(*) AS n FROM cryptoeval_results WHERE model_version = 'base' "
        "GROUP BY 1 ORDER BY 1"
    )
    assert results.rows() == [("explain", 2), ("fix", 2), ("generate", 2)]
    headline = platform.warehouse.query(
        "SELECT value FROM cryptoeval_scores WHERE model_version = 'base' AND scope = 'all' "
        "AND metric = 'pass@1'"
    )
    assert headline.height == 1 and headline["value"][0] == meta["pass@1"]


def test_scoring_an_unknown_model_version_fails_with_its_name(platform, instance):
    instance.add_dynamic_partitions(model_version_partitions.name, ["mystery/1"])
    result = dg.materialize(
        [cryptoeval_scores],
        partition_key="mystery/1",
        instance=instance,
        resources=platform.resources(),
        raise_on_error=False,
    )
    assert not result.success
    (failure,) = result.get_step_failure_events()
    assert "unknown model version 'mystery/1'" in str(failure.step_failure_data.error)
