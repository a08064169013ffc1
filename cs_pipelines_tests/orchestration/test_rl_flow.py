"""`rl_policy` through Dagster on the tiny model: a run with no reward signal registers
nothing and says so; a parent that does not exist fails before any training."""

from __future__ import annotations

import shutil

import dagster as dg
from mlflow import MlflowClient

from cs_pipelines import paths
from cs_pipelines.defs.evaluation import cryptoeval_tasks
from cs_pipelines.defs.market import market_data
from cs_pipelines.defs.resources import GymResource
from cs_pipelines.defs.rl import rl_policy
from cs_pipelines.defs.sft import strategy_tasks
from cs_pipelines.paths import SFT_DATASET_DIR
from cs_pipelines.registry import MlflowSettings
from cs_pipelines.sft.function_tasks import load_function_tasks
from cs_pipelines_tests.orchestration.test_materialize import materialization_metadata
from cs_pipelines_tests.orchestration.test_training_flow import materialize
from cs_pipelines_tests.training.test_sft import chat, save_dataset

RL = {
    "preset": "smoke",
    "steps": 1,
    "group_size": 2,
    "tasks_per_step": 2,
    "max_completion_tokens": 8,
    "max_tasks": 4,
    "cpu_threads": 1,
}


def _function_chat(i: int, task_id: str) -> dict:
    return {**chat(i), "task_id": task_id}


def test_rl_without_signal_registers_nothing_and_a_missing_parent_fails(
    platform, instance, tiny_model_dir
):
    shutil.copytree(tiny_model_dir, paths.base_model_dir())
    ids = sorted(t.task_id for t in load_function_tasks())
    save_dataset(
        paths.artifacts_dir() / SFT_DATASET_DIR,
        [_function_chat(i, task_id) for i, task_id in enumerate(ids[:8])],
        [_function_chat(100 + i, task_id) for i, task_id in enumerate(ids[8:11])],
    )
    assert materialize(platform, instance, [cryptoeval_tasks]).success
    settings = MlflowSettings()

    # A random model's answers all score 0: every group is flat, nothing to learn from.
    result = materialize(platform, instance, [rl_policy], rl_policy=RL)
    assert result.success
    meta = materialization_metadata(result, "rl_policy")
    assert meta["registered"] is False and "zero advantage" in meta["reason"]
    assert meta["steps"] == 1 and meta["median_step_s"] > 0  # what the run cost, still shown
    assert meta["parent_version"] == "base"  # no champion yet
    (pool_check,) = result.get_asset_check_evaluations()
    assert pool_check.passed and pool_check.metadata["tasks"].value == 4
    client = MlflowClient(settings.resolved_tracking_uri())
    assert client.search_model_versions(f"name='{settings.registered_model_name}'") == []

    missing = materialize(platform, instance, [rl_policy], rl_policy={**RL, "parent": "7"})
    assert not missing.success
    assert client.search_model_versions(f"name='{settings.registered_model_name}'") == []


def test_rl_on_strategy_tasks_is_rewarded_by_the_gym_resource(platform, instance, tiny_model_dir):
    """On strategy tasks `rl_policy` builds the trading gym from `market_data` and the `gym`
    resource's settings; the tiny model's answers write no strategy, so every one is gated at
    zero and nothing registers, but the run says which reward, with which settings, it used."""
    shutil.copytree(tiny_model_dir, paths.base_model_dir())
    prepared = materialize(
        platform,
        instance,
        [cryptoeval_tasks, market_data, strategy_tasks],
        strategy_tasks={"n_tasks": 4},
    )
    assert prepared.success
    ids = sorted(platform.warehouse.query("SELECT task_id FROM strategy_tasks")["task_id"])
    save_dataset(
        paths.artifacts_dir() / SFT_DATASET_DIR,
        [{**chat(i), "task_id": task_id} for i, task_id in enumerate(ids[:3])],
        [{**chat(100), "task_id": ids[3]}],
    )
    result = dg.materialize(
        [rl_policy],
        instance=instance,
        resources={**platform.resources(), "gym": GymResource(window_bars=40, objective="sortino")},
        run_config={"ops": {"rl_policy": {"config": {**RL, "task_kinds": "strategy"}}}},
        raise_on_error=False,
    )
    assert result.success
    meta = materialization_metadata(result, "rl_policy")
    assert meta["registered"] is False and "zero advantage" in meta["reason"]
    assert "strategy gym: " in meta["reward"] and "windows of 40 bars, sortino" in meta["reward"]
    (pool_check,) = result.get_asset_check_evaluations()
    assert pool_check.passed and pool_check.metadata["tasks"].value == 3
