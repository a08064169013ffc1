"""Train, register, score and promote through Dagster, on the tiny model and a toy SFT set:
the loop `make run` closes, with a real local MLflow store under the test's CS_DATA_DIR."""

from __future__ import annotations

import shutil

import dagster as dg
from mlflow import MlflowClient

from cs_pipelines import paths
from cs_pipelines.defs.evaluation import cryptoeval_scores, cryptoeval_tasks
from cs_pipelines.defs.partitions import model_version_partitions
from cs_pipelines.defs.promotion import model_promotion
from cs_pipelines.defs.training import sft_adapter
from cs_pipelines.paths import SFT_DATASET_DIR
from cs_pipelines.registry import MlflowSettings, alias_version
from cs_pipelines.registry.versions import BASE_MODEL_VERSION
from cs_pipelines_tests.orchestration.test_materialize import materialization_metadata
from cs_pipelines_tests.training.test_sft import chat, save_dataset

SCORING = {"tasks_per_variant": 1, "max_new_tokens": 8, "workers": 2}
TRAINING = {"max_steps": 2, "learning_rate": 1e-2, "eval_steps": 1, "logging_steps": 1}


def materialize(platform, instance, assets, partition=None, **ops):
    result = dg.materialize(
        assets,
        partition_key=partition,
        instance=instance,
        resources=platform.resources(),
        run_config={"ops": {op: {"config": cfg} for op, cfg in ops.items()}},
        raise_on_error=False,
    )
    return result


def test_train_register_score_and_promote(platform, instance, tiny_model_dir):
    shutil.copytree(tiny_model_dir, paths.base_model_dir())
    save_dataset(paths.artifacts_dir() / SFT_DATASET_DIR, [chat(i) for i in range(24)])
    assert materialize(platform, instance, [cryptoeval_tasks]).success

    # Before any score exists, the evidence check blocks: no alias may move.
    trained = materialize(platform, instance, [sft_adapter], sft_adapter=TRAINING)
    assert trained.success
    meta = materialization_metadata(trained, "sft_adapter")
    assert meta["model_version"] == "1" and meta["model_version_partition"] == "cs-trader-coder/1"
    assert meta["mlflow_run"].endswith(meta["mlflow_run_id"]) and meta["steps"] == 2
    assert "cs-trader-coder/1" in instance.get_dynamic_partitions(model_version_partitions.name)
    blocked = materialize(platform, instance, [model_promotion])
    (evidence,) = blocked.get_asset_check_evaluations()
    assert not evidence.passed
    settings = MlflowSettings()
    assert (
        alias_version(settings, "champion") is None
        and alias_version(settings, "challenger") is None
    )

    instance.add_dynamic_partitions(model_version_partitions.name, [BASE_MODEL_VERSION])
    for version in (BASE_MODEL_VERSION, "cs-trader-coder/1"):
        scored = materialize(
            platform, instance, [cryptoeval_scores], partition=version, cryptoeval_scores=SCORING
        )
        assert scored.success, version
    run = MlflowClient(settings.resolved_tracking_uri()).get_run(meta["mlflow_run_id"])
    assert "cryptoeval/pass_at_1" in run.data.metrics  # the version's scores reach its run
    assert {"cryptoeval/pass_at_1_ci_low", "cryptoeval/pass_at_1_ci_high"} <= set(run.data.metrics)
    assert run.data.tags["dagster_run_id"] == trained.run_id

    decided = materialize(platform, instance, [model_promotion])
    assert decided.success
    (evidence,) = decided.get_asset_check_evaluations()
    assert evidence.passed
    decision = materialization_metadata(decided, "model_promotion")
    assert decision["compared_with"] == BASE_MODEL_VERSION
    holder = "champion" if decision["decision"] == "champion" else "challenger"
    assert alias_version(settings, holder) == "1"
    # Greedy samples on the same tasks: McNemar, said plainly, with its numbers.
    assert "McNemar p=" in decision["paired"] and "significant at alpha 0.05" in decision["paired"]
    assert decision["paired_tasks"] == 3 and decision["require_significance"] is False
    assert decision["paired_significant"] == ("not significant" not in decision["paired"])
    assert decision["holdout_paired"].startswith("not available")  # no held-out scores here
    assert decision["trading_ab_reward"].startswith("not available")  # nor a trading A/B
    assert any("paired pass@1 difference" in r for r in decision["reasons"].split("\n"))
