"""`trading_ab` through Dagster on the tiny model: the base partition's two arms answer the
held-out strategy tasks, the gym scores them, rows and scores land in the warehouse; a data
set without held-out strategy tasks fails with the reason."""

from __future__ import annotations

import shutil

from cs_pipelines import paths
from cs_pipelines.defs.gym import trading_ab
from cs_pipelines.defs.market import market_data
from cs_pipelines.defs.partitions import model_version_partitions
from cs_pipelines.defs.sft import strategy_tasks
from cs_pipelines.paths import SFT_DATASET_DIR
from cs_pipelines.warehouse.tables import TRADING_AB_RESULTS, TRADING_AB_SCORES
from cs_pipelines_tests.orchestration.test_materialize import materialization_metadata
from cs_pipelines_tests.orchestration.test_training_flow import materialize
from cs_pipelines_tests.training.test_sft import chat, save_dataset

AB = {"max_tasks": 2, "n_samples": 1, "max_new_tokens": 8}


def test_the_base_partition_scores_both_baseline_arms(platform, instance, tiny_model_dir):
    shutil.copytree(tiny_model_dir, paths.base_model_dir())
    prepared = materialize(
        platform, instance, [market_data, strategy_tasks], strategy_tasks={"n_tasks": 4}
    )
    assert prepared.success
    task_ids = platform.warehouse.query("SELECT task_id FROM strategy_tasks")["task_id"].to_list()
    dataset = paths.artifacts_dir() / SFT_DATASET_DIR
    held_out = [{**chat(100 + i), "task_id": t} for i, t in enumerate(sorted(task_ids)[:3])]
    save_dataset(dataset, [chat(i) for i in range(4)], held_out)
    instance.add_dynamic_partitions(model_version_partitions.name, ["base"])

    result = materialize(platform, instance, [trading_ab], partition="base", trading_ab=AB)
    assert result.success
    meta = materialization_metadata(result, "trading_ab")
    assert meta["tasks"] == 2
    assert "base+retrieval" in meta["arms"] and "not significant" in meta["comparisons"]
    assert meta["retrieval"].startswith("no commit index yet")  # none built in this test
    (check,) = result.get_asset_check_evaluations()
    assert check.passed
    rows = TRADING_AB_RESULTS.rows_for(platform.warehouse, "base")
    assert rows.group_by("arm").len().sort("arm").rows() == [("base", 2), ("base+retrieval", 2)]
    assert rows["reward"].is_not_null().all() and (rows["status"] == "gated").all()
    scores = TRADING_AB_SCORES.rows_for(platform.warehouse, "base")
    assert set(scores["metric"]) == {"valid", "reward", "sharpe", "max_drawdown"}

    save_dataset(dataset, [chat(i) for i in range(4)], [chat(200)])  # no strategy held out
    failed = materialize(platform, instance, [trading_ab], partition="base", trading_ab=AB)
    assert not failed.success
    assert "no held-out strategy tasks" in str(failed.all_events)
    assert TRADING_AB_RESULTS.rows_for(platform.warehouse, "base").height == 4  # kept
