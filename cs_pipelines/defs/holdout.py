"""`sft_holdout_scores`: each model version on the SFT tasks no adapter trained on."""

import dataclasses
import math

import dagster as dg
import polars as pl

from cs_pipelines import paths
from cs_pipelines.defs.config import launchpad_config, to_stage_config
from cs_pipelines.defs.partitions import model_version_partitions
from cs_pipelines.defs.resources import MlflowResource, WarehouseResource
from cs_pipelines.registry.champion import model_for
from cs_pipelines.registry.versions import registered_version
from cs_pipelines.reporting import markdown_table
from cs_pipelines.sft.holdout import (
    HoldoutConfig,
    HoldoutEvaluation,
    evaluate_holdout,
    holdout_tasks,
    results_frame,
    scores_frame,
)
from cs_pipelines.sft.stored import probe_feeds, sft_tasks_by_id
from cs_pipelines.warehouse.tables import write_holdout_run

HoldoutRunConfig = launchpad_config(
    HoldoutConfig,
    "HoldoutRunConfig",
    "How each model version answers the held-out SFT tasks (greedy, zero-shot by default).",
)
MLFLOW_PREFIX = "sft_holdout/"


@dg.asset(
    kinds={"python", "duckdb"},
    group_name="evaluation",
    partitions_def=model_version_partitions,
    deps=["base_model", "strategy_tasks", "function_tasks", "sft_dataset"],
    check_specs=[
        dg.AssetCheckSpec(
            "every_task_answered",
            asset="sft_holdout_scores",
            description="Every held-out task got an answer on the ladder, and the completion "
            "loss is a number.",
        )
    ],
)
def sft_holdout_scores(
    context: dg.AssetExecutionContext,
    config: HoldoutRunConfig,
    warehouse: WarehouseResource,
    mlflow: MlflowResource,
) -> dg.MaterializeResult:
    """One model version (a partition) on the SFT validation split's tasks, whose families no
    adapter trained on: one greedy answer per strategy or function task verified on its ladder
    (verified@1 overall and per kind, strategy rungs passed) and the completion loss of the
    held-out reference answers. Rows land in sft_holdout_results; a registered version's
    scores are logged to its MLflow run."""
    from datasets import load_from_disk

    from cs_pipelines.models.generation import make_generator
    from cs_pipelines.sandbox import SandboxPool

    version = context.partition_key
    settings = to_stage_config(config, HoldoutConfig)
    dataset_dir = paths.sft_dataset_dir()
    if not dataset_dir.is_dir():
        raise FileNotFoundError(f"{dataset_dir} is missing: materialize sft_dataset first")
    validation = load_from_disk(str(dataset_dir))["validation"]
    if validation.num_rows == 0:  # one family only: sft_dataset warned, nothing is held out
        context.log.warning(f"{version}: the SFT validation split is empty; nothing to score")
        return dg.MaterializeResult(
            metadata={"tasks": dg.MetadataValue.int(0)},
            check_results=[
                dg.AssetCheckResult(
                    check_name="every_task_answered",
                    passed=False,
                    severity=dg.AssetCheckSeverity.WARN,
                    metadata={"reason": "the SFT dataset's validation split is empty"},
                )
            ],
        )
    tasks = holdout_tasks(
        validation["task_id"],
        sft_tasks_by_id(warehouse.warehouse),
        settings.max_tasks,
    )
    chosen = {t.task_id for t in tasks}
    chats = [row["messages"] for row in validation if row["task_id"] in chosen]
    model_path, adapter_path = model_for(version, mlflow.settings, paths.base_model_dir())
    # The completion loss needs the model's weights in this process: transformers, not vLLM.
    engine = dataclasses.replace(settings, backend="transformers")
    generator = make_generator(model_path, engine, adapter_path=adapter_path)
    context.log.info(f"{version}: {len(tasks)} held-out tasks, {len(chats)} reference answers")
    with SandboxPool() as pool:
        evaluation = evaluate_holdout(
            version, tasks, chats, generator, probe_feeds(warehouse.warehouse), pool, settings
        )
    results = results_frame(evaluation, tasks)
    write_holdout_run(warehouse.warehouse, version, results, scores_frame(evaluation))
    scores = evaluation.scores()
    context.log.info(
        f"{version}: verified@1 {scores['verified@1']:.3f}, completion loss "
        f"{scores['completion_loss']:.3f}"
    )
    if adapter_path is not None:
        _log_to_mlflow(mlflow, registered_version(version), scores)
    return dg.MaterializeResult(
        metadata=holdout_metadata(evaluation, results, len(tasks)),
        check_results=[
            dg.AssetCheckResult(
                check_name="every_task_answered",
                passed=len(evaluation.rows) == len(tasks)
                and math.isfinite(evaluation.completion_loss),
                metadata={"tasks": len(tasks), "answers": len(evaluation.rows)},
            )
        ],
    )


def holdout_metadata(evaluation: HoldoutEvaluation, results: pl.DataFrame, n_tasks: int) -> dict:
    """Headline scores, where the answers stopped on the ladder, and the answers per task
    (``results``: the evaluation's ``results_frame``)."""
    counts = evaluation.rung_counts()
    rungs = pl.DataFrame({"stopped_at": list(counts), "answers": list(counts.values())})
    per_task = results.select(
        "task_id", "kind", "difficulty", "rung_name", "verified", "stop_reason"
    )
    return {
        **{name: dg.MetadataValue.float(round(v, 4)) for name, v in evaluation.scores().items()},
        "tasks": dg.MetadataValue.int(n_tasks),
        "families": dg.MetadataValue.text(", ".join(evaluation.families)),
        "loss_tokens": dg.MetadataValue.int(evaluation.loss_tokens),
        "generation_s": dg.MetadataValue.float(round(evaluation.generation_s, 1)),
        "ladder": dg.MetadataValue.md(markdown_table(rungs, 10)),
        "answers": dg.MetadataValue.md(markdown_table(per_task, 40, 120)),
    }


def _log_to_mlflow(mlflow: MlflowResource, number: str | None, scores: dict[str, float]) -> None:
    from cs_pipelines.registry import log_scores, version_run_id

    run_id = version_run_id(mlflow.settings, number)
    log_scores(mlflow.settings, run_id, scores, prefix=MLFLOW_PREFIX)
