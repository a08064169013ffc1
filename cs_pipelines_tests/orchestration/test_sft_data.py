"""The SFT data assets through Dagster: market data, grounded tasks, verified candidates from
the teacher, a (tiny) model and harvested commits, and the checked dataset."""

from __future__ import annotations

import shutil

import dagster as dg
from datasets import load_from_disk

from cs_pipelines import paths
from cs_pipelines.defs.functions import function_candidates, function_tasks
from cs_pipelines.defs.market import market_data
from cs_pipelines.defs.sft import sft_dataset, strategy_candidates, strategy_tasks
from cs_pipelines_tests.orchestration.test_materialize import harvest, materialization_metadata

SFT_ASSETS = [
    market_data,
    strategy_tasks,
    strategy_candidates,
    function_tasks,
    function_candidates,
    sft_dataset,
]


def test_sft_data_from_market_bars_to_a_checked_dataset(platform, instance, tiny_model_dir):
    shutil.copytree(tiny_model_dir, paths.base_model_dir())
    assert harvest(platform, instance, "alpha").success
    run_config = {
        "ops": {
            "strategy_tasks": {"config": {"n_tasks": 16}},
            "strategy_candidates": {
                "config": {"model_tasks": 2, "n_samples": 2, "max_new_tokens": 16}
            },
        }
    }
    result = dg.materialize(
        SFT_ASSETS, instance=instance, resources=platform.resources(), run_config=run_config
    )
    assert result.success
    tasks_meta = materialization_metadata(result, "strategy_tasks")
    assert tasks_meta["dagster/row_count"] == 16 and tasks_meta["ungrounded"] == 0

    candidates = platform.warehouse.query("SELECT * FROM strategy_candidates")
    by_source = dict(candidates.group_by("source").len().iter_rows())
    assert by_source["teacher"] == 16 and by_source["model"] == 4
    assert by_source.get("commit", 0) >= 1  # the harvested Breakout strategy
    teacher = candidates.filter(source="teacher")
    assert teacher["verified"].mean() >= 0.9
    stopped = candidates.filter(~candidates["verified"])
    assert (stopped["stop_reason"].str.len_chars() > 0).all()

    functions = platform.warehouse.query("SELECT * FROM function_candidates")
    n_function_tasks = materialization_metadata(result, "function_tasks")["dagster/row_count"]
    assert functions.height == n_function_tasks and functions["verified"].all()

    meta = materialization_metadata(result, "sft_dataset")
    assert meta["train"] > 0 and meta["validation"] > 0
    assert meta["train"] + meta["validation"] == meta["dagster/row_count"]
    assert all(check.passed for check in result.get_asset_check_evaluations())
    stored = load_from_disk(meta["path"])
    assert stored["train"].num_rows == meta["train"]
    families = [set(stored[split]["family"]) for split in ("train", "validation")]
    assert not families[0] & families[1]
    assert stored["train"][0]["messages"][-1]["role"] == "assistant"
    kinds = {task_id.startswith("fn/") for split in stored.values() for task_id in split["task_id"]}
    assert kinds == {True, False}, "the set holds both strategies and functions"
