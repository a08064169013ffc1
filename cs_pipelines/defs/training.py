"""`sft_adapter`: LoRA fine-tuning of the base model on the SFT set, tracked and registered in
MLflow as a new version of cs-trader-coder."""

from pathlib import Path

import dagster as dg

from cs_pipelines import paths
from cs_pipelines.defs.config import launchpad_config, to_stage_config
from cs_pipelines.defs.partitions import model_version_partitions
from cs_pipelines.defs.resources import MlflowResource
from cs_pipelines.registry.versions import registered_version_key
from cs_pipelines.reporting import history_series, line_chart_png, markdown_image
from cs_pipelines.training.config import TrainingConfig
from cs_pipelines.training.data import run_key

TrainingRunConfig = launchpad_config(
    TrainingConfig,
    "TrainingRunConfig",
    "LoRA SFT: the preset (smoke on a CPU, standard on a GPU) and any hyperparameter override.",
)


@dg.asset(kinds={"pytorch", "mlflow"}, group_name="training", deps=["sft_dataset", "base_model"])
def sft_adapter(
    context: dg.AssetExecutionContext, config: TrainingRunConfig, mlflow: MlflowResource
) -> dg.MaterializeResult:
    """A LoRA adapter fine-tuned with trl's SFTTrainer on sft_dataset (loss on the completion
    only, the model's chat template, validation loss on the held-out families), logged to
    MLflow with its lineage and registered as a new version of cs-trader-coder. A restarted
    run with the same data and settings resumes from its last checkpoint."""
    from cs_pipelines.registry import check_reachable, log_training_run
    from cs_pipelines.training.callbacks import format_progress
    from cs_pipelines.training.sft import train_lora

    settings = to_stage_config(config, TrainingConfig)
    check_reachable(mlflow.settings)  # fail before hours of training, not after
    dataset_dir = paths.sft_dataset_dir()
    output_dir = paths.training_dir() / run_key(dataset_dir, settings)
    result = train_lora(
        paths.base_model_dir(),
        dataset_dir,
        output_dir,
        settings,
        progress=lambda event: context.log.info(format_progress(event)),
    )
    registered = log_training_run(
        mlflow.settings, result, _lineage(context), paths.base_model_dir()
    )
    partition = registered_version_key(registered.version)
    context.instance.add_dynamic_partitions(model_version_partitions.name, [partition])
    context.log.info(f"registered {registered.name} version {registered.version} ({partition})")
    return dg.MaterializeResult(
        metadata={
            **result.as_metadata(),
            **registered.as_metadata(),
            "model_version_partition": partition,
            "mlflow_run": dg.MetadataValue.url(
                mlflow.ui_url(registered.experiment_id, registered.run_id)
            ),
            "loss_curve": dg.MetadataValue.md(_loss_chart(result.history, output_dir)),
        }
    )


def _lineage(context: dg.AssetExecutionContext) -> dict[str, str]:
    return {
        "dagster_run_id": context.run.run_id,
        **data_versions(context, ("sft_dataset", "base_model")),
    }


def data_versions(context: dg.AssetExecutionContext, keys: tuple[str, ...]) -> dict[str, str]:
    """``<asset>_data_version`` of each upstream asset's latest materialization (its run id
    where it has no data version)."""
    versions = {}
    for key in keys:
        event = context.instance.get_latest_materialization_event(dg.AssetKey(key))
        materialization = event.asset_materialization if event else None
        version = materialization.tags.get("dagster/data_version") if materialization else None
        versions[f"{key}_data_version"] = version or (event.run_id if event else "unknown")
    return versions


def _loss_chart(history: list[dict], output_dir: Path) -> str:
    series = history_series(history, ("loss", "eval_loss"))
    chart = line_chart_png(series, "LoRA SFT loss", output_dir / "loss.png")
    return markdown_image(chart, "training and validation loss")
