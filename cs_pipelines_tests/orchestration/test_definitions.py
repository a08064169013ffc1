"""The code location loads whole, and its schedule and sensors do what they promise."""

from datetime import UTC, datetime, timedelta
from pathlib import Path

import dagster as dg
import pytest

from cs_pipelines.definitions import defs
from cs_pipelines.defs.automation import (
    model_versions_sensor,
    nightly_harvest,
    reference_repos_sensor,
)
from cs_pipelines.defs.partitions import model_version_partitions, reference_repo_partitions
from cs_pipelines.defs.resources import ReferenceReposResource


def test_definitions_load_with_every_asset_check_schedule_and_sensor():
    dg.Definitions.validate_loadable(defs)
    graph = defs.resolve_asset_graph()
    keys = {key.to_user_string() for key in graph.get_all_asset_keys()}
    assert keys == {
        "raw_commits",
        "commit_instructions",
        "filter_report",
        "commit_index",
        "base_model",
        "cryptoeval_tasks",
        "cryptoeval_scores",
        "sft_holdout_scores",
        "market_data",
        "strategy_tasks",
        "strategy_candidates",
        "function_tasks",
        "function_candidates",
        "sft_dataset",
        "sft_adapter",
        "rl_policy",
        "trading_ab",
        "model_promotion",
    }
    checks = {key.name for key in graph.asset_check_keys}
    assert checks == {
        "raw_commits_unique_key",
        "raw_commits_required_fields",
        "raw_commits_timestamps_sane",
        "commit_instructions_no_duplicates",
        "commit_instructions_required_fields",
        "rejections_add_up",
        "commit_index_vector_count",
        "commit_index_dimension",
        "commit_index_recall",
        "cryptoeval_tasks_valid",
        "scores_complete",
        "every_task_answered",
        "every_arm_scored",
        "bars_valid",
        "no_contamination",
        "no_duplicates",
        "every_row_verified",
        "category_balance",
        "evidence_complete",
        "task_pool_train_only",
    }
    assert {s.name for s in defs.schedules} == {"nightly_harvest"}
    assert {s.name for s in defs.sensors} == {
        "reference_repos_sensor",
        "data_automation",
        "model_versions_sensor",
    }
    assert {j.name for j in defs.resolve_all_job_defs()} >= {
        "harvest_job",
        "curation_job",
        "index_job",
        "evaluation_job",
        "scoring_job",
        "sft_data_job",
        "training_job",
        "rl_job",
        "promotion_job",
    }


def test_lineage_reads_left_to_right():
    graph = defs.resolve_asset_graph()
    instructions = graph.get(dg.AssetKey("commit_instructions"))
    assert instructions.parent_keys == {dg.AssetKey("raw_commits")}
    index = graph.get(dg.AssetKey("commit_index"))
    assert index.parent_keys == {dg.AssetKey("commit_instructions")}
    raw = graph.get(dg.AssetKey("raw_commits"))
    assert raw.partitions_def == reference_repo_partitions
    scores = graph.get(dg.AssetKey("cryptoeval_scores"))
    assert scores.parent_keys == {dg.AssetKey("base_model"), dg.AssetKey("cryptoeval_tasks")}
    assert scores.partitions_def == model_version_partitions
    holdout = graph.get(dg.AssetKey("sft_holdout_scores"))
    assert holdout.parent_keys == {
        dg.AssetKey(k) for k in ("base_model", "strategy_tasks", "function_tasks", "sft_dataset")
    }
    assert holdout.partitions_def == model_version_partitions
    ab = graph.get(dg.AssetKey("trading_ab"))
    assert {"market_data", "strategy_tasks", "sft_dataset", "commit_index"} <= {
        key.to_user_string() for key in ab.parent_keys
    }
    assert ab.partitions_def == model_version_partitions and ab.group_name == "evaluation"
    rl = graph.get(dg.AssetKey("rl_policy"))
    assert dg.AssetKey("sft_dataset") in rl.parent_keys and rl.group_name == "training"
    for node in graph.asset_nodes:
        assert node.group_name in {
            "harvest",
            "curation",
            "retrieval",
            "market",
            "sft",
            "models",
            "training",
            "evaluation",
        }
        assert node.description, f"{node.key} has no description"
        assert node.kinds, f"{node.key} has no kinds"


def test_nightly_schedule_requests_every_registered_repository():
    assert nightly_harvest.cron_schedule == "0 2 * * *"
    assert nightly_harvest.execution_timezone == "UTC"
    with dg.instance_for_test() as instance:
        instance.add_dynamic_partitions(reference_repo_partitions.name, ["b", "a"])
        # As a context manager: left open, the schedule context would keep the (then disposed)
        # instance's state storage as Dagster's current one for the rest of the process.
        with dg.build_schedule_context(
            instance=instance,
            scheduled_execution_time=datetime(2026, 1, 2, 2, 0),
        ) as context:
            requests = nightly_harvest(context)
    assert [r.partition_key for r in requests] == ["a", "b"]
    assert requests[0].run_key == "a-2026-01-02"


def _repos_file(tmp_path: Path, names: list[str]) -> Path:
    path = tmp_path / "repos.yaml"
    entries = "".join(f"  - {{name: {n}, url: 'file:///nowhere/{n}'}}\n" for n in names)
    path.write_text("repositories:\n" + entries)
    return path


def test_sensor_registers_new_repositories_and_drops_removed_ones(tmp_path: Path):
    with dg.instance_for_test() as instance:
        instance.add_dynamic_partitions(reference_repo_partitions.name, ["old", "kept"])
        resource = ReferenceReposResource(path=str(_repos_file(tmp_path, ["kept", "new"])))
        context = dg.build_sensor_context(
            instance=instance, resources={"reference_repos": resource}
        )
        result = reference_repos_sensor(context)
    assert isinstance(result, dg.SensorResult)
    assert [r.partition_key for r in result.run_requests] == ["new"]
    adds = [
        r
        for r in result.dynamic_partitions_requests
        if isinstance(r, dg.AddDynamicPartitionsRequest)
    ]
    deletes = [
        r
        for r in result.dynamic_partitions_requests
        if isinstance(r, dg.DeleteDynamicPartitionsRequest)
    ]
    assert adds[0].partition_keys == ["new"]
    assert deletes[0].partition_keys == ["old"]


@pytest.mark.parametrize(
    "content", ["repositories: [\n", "repositories:\n  - {name: 'bad name'}\n"]
)
def test_sensor_skips_with_the_cause_when_the_list_is_broken(tmp_path: Path, content: str):
    path = tmp_path / "repos.yaml"
    path.write_text(content)
    with dg.instance_for_test() as instance:
        context = dg.build_sensor_context(
            instance=instance, resources={"reference_repos": ReferenceReposResource(path=str(path))}
        )
        result = reference_repos_sensor(context)
    assert isinstance(result, dg.SkipReason)
    assert str(path) in result.skip_message


def test_curation_runs_once_per_night_after_the_harvest():
    # Dagster stamps the harvest event with the real time, which must follow the 02:00 tick:
    # take the last midnight at least 3 hours ago, so the test passes at any time of day.
    midnight = (datetime.now(UTC) - timedelta(hours=3)).replace(
        hour=0, minute=0, second=0, microsecond=0
    )
    with dg.instance_for_test() as instance:
        instance.add_dynamic_partitions(reference_repo_partitions.name, ["a", "b"])

        def evaluate(at: timedelta, cursor=None):
            return dg.evaluate_automation_conditions(
                defs=defs, instance=instance, evaluation_time=midnight + at, cursor=cursor
            )

        before_tick = evaluate(timedelta(hours=1, minutes=59))
        assert before_tick.total_requested == 0
        instance.report_runless_asset_event(dg.AssetMaterialization("raw_commits", partition="a"))
        after_harvest = evaluate(timedelta(hours=2, minutes=5), before_tick.cursor)
        # The curation, and the index that follows it eagerly, in the same evaluation.
        for key in ("commit_instructions", "filter_report", "commit_index"):
            assert after_harvest.get_num_requested(dg.AssetKey(key)) == 1
        assert after_harvest.total_requested == 3
        later = evaluate(timedelta(hours=2, minutes=10), after_harvest.cursor)
        assert later.total_requested == 0  # once per night, not after every partition


def test_model_versions_sensor_scores_new_versions_then_asks_for_a_decision():
    def evaluate(instance):
        result = model_versions_sensor(dg.build_sensor_context(instance=instance))
        return {r.run_key: r for r in result.run_requests}

    def scored(instance, asset, *versions):
        for version in versions:
            instance.report_runless_asset_event(dg.AssetMaterialization(asset, partition=version))

    with dg.instance_for_test() as instance:
        instance.add_dynamic_partitions(
            model_version_partitions.name, ["base", "cs-trader-coder/1", "cs-trader-coder/2"]
        )
        scored(instance, "cryptoeval_scores", "base", "cs-trader-coder/1")
        first = evaluate(instance)
        # Once the SFT dataset exists, a version is also scored on its held-out tasks, and with
        # the market data in the trading A/B; a version promotes only with all its scores.
        instance.report_runless_asset_event(dg.AssetMaterialization("sft_dataset"))
        instance.report_runless_asset_event(dg.AssetMaterialization("market_data"))
        with_data = evaluate(instance)
        scored(instance, "sft_holdout_scores", "cs-trader-coder/1")
        scored(instance, "trading_ab", "cs-trader-coder/1")
        complete = evaluate(instance)
    assert set(first) == {"score-cs-trader-coder/2-cryptoeval_scores", "promote-cs-trader-coder/1"}
    score = first["score-cs-trader-coder/2-cryptoeval_scores"]
    assert score.job_name == "scoring_job" and score.partition_key == "cs-trader-coder/2"
    assert score.asset_selection == [dg.AssetKey("cryptoeval_scores")]
    promote = first["promote-cs-trader-coder/1"]
    assert promote.job_name == "promotion_job"
    assert promote.run_config["ops"]["model_promotion"]["config"]["version"] == "1"
    assert "promote-cs-trader-coder/1" not in with_data  # its held-out and A/B scores first
    later = with_data["score-cs-trader-coder/1-sft_holdout_scores+trading_ab"]
    assert later.asset_selection == [dg.AssetKey("sft_holdout_scores"), dg.AssetKey("trading_ab")]
    everything = with_data[
        "score-cs-trader-coder/2-cryptoeval_scores+sft_holdout_scores+trading_ab"
    ]
    assert len(everything.asset_selection) == 3
    assert "promote-cs-trader-coder/1" in complete
    assert not any(key.startswith("promote-base") for key in complete)  # base is no version


def test_every_dependency_is_an_asset_defined_here():
    """Asset modules name their upstream assets by key; a misspelt key would not fail to load
    but silently become an external asset nothing materializes."""
    graph = defs.resolve_asset_graph()
    assert graph.get_all_asset_keys() - graph.materializable_asset_keys == set()
