"""`trading_ab`: each model version against the base model, prompt-only and with retrieval, on
held-out strategy tasks scored by the trading gym on held-out market windows."""

import dagster as dg
import polars as pl

from cs_pipelines import paths
from cs_pipelines.defs.config import launchpad_config, to_stage_config
from cs_pipelines.defs.partitions import model_version_partitions
from cs_pipelines.defs.resources import GymResource, MlflowResource, WarehouseResource
from cs_pipelines.gym.ab import BASE, RESULT_SCHEMA, RETRIEVAL, TradingABConfig
from cs_pipelines.reporting import bar_chart_png, markdown_image, markdown_table

TradingABRunConfig = launchpad_config(
    TradingABConfig,
    "TradingABRunConfig",
    "How each arm of the trading A/B answers the held-out strategy tasks: samples per task, "
    "temperature, how many tasks, few-shot examples for the retrieval arm.",
)
MLFLOW_PREFIX = "trading_ab/"
CHECK = "every_arm_scored"
ANSWER_COLUMNS = ("arm", "task_id", "sample", "status", "reward", "reason")


@dg.asset(
    kinds={"python", "duckdb", "mlflow"},
    group_name="evaluation",
    partitions_def=model_version_partitions,
    deps=["base_model", "strategy_tasks", "sft_dataset", "market_data", "commit_index"],
    check_specs=[
        dg.AssetCheckSpec(
            CHECK,
            asset="trading_ab",
            description="Every arm answered every chosen task n_samples times, and each answer "
            "came back from the gym with a reward.",
        )
    ],
)
def trading_ab(
    context: dg.AssetExecutionContext,
    config: TradingABRunConfig,
    warehouse: WarehouseResource,
    mlflow: MlflowResource,
    gym: GymResource,
) -> dg.MaterializeResult:
    """One model version (a partition) writes strategies for the SFT validation split's strategy
    tasks, beside the base model prompted zero-shot (``base``) and with few-shot examples from
    the commit index (``base+retrieval``; the base partition holds just these two); every
    strategy is scored by the trading gym on its held-out windows. Per arm: the share of valid
    strategies, the mean reward, Sharpe and max drawdown, with 95% intervals; the version
    against each baseline (and an RL version against its parent, when the parent was scored)
    by the paired bootstrap of per-task rewards. Logged to the version's MLflow run."""
    from datasets import load_from_disk

    from cs_pipelines.gym import GymConfig, TradingGym, market_bars
    from cs_pipelines.gym.ab import ab_tasks, arm_summary, comparison_table, run_arm
    from cs_pipelines.models.generation import make_generator
    from cs_pipelines.registry.champion import model_for
    from cs_pipelines.registry.versions import BASE_MODEL_VERSION
    from cs_pipelines.sandbox import SandboxPool
    from cs_pipelines.sft.model_candidates import open_prompt_builder
    from cs_pipelines.sft.stored import sft_tasks_by_id
    from cs_pipelines.warehouse.tables import MARKET_BARS, write_trading_ab_run

    version = context.partition_key
    settings = to_stage_config(config, TradingABConfig)
    gym_settings = to_stage_config(gym, GymConfig)
    validation = load_from_disk(str(paths.sft_dataset_dir()))["validation"]
    tasks = ab_tasks(
        validation["task_id"], sft_tasks_by_id(warehouse.warehouse), settings.max_tasks
    )
    market = market_bars(MARKET_BARS.read(warehouse.warehouse), gym_settings)
    base_dir = paths.base_model_dir()
    arms: list[pl.DataFrame] = []
    with SandboxPool() as pool:
        trading_gym = TradingGym(market, gym_settings, pool)
        base = make_generator(base_dir, settings)
        context.log.info(f"{version}: {len(tasks)} held-out strategy tasks, base arms")
        arms.append(run_arm(BASE, tasks, base, trading_gym, settings))
        builder = open_prompt_builder()
        arms.append(run_arm(RETRIEVAL, tasks, base, trading_gym, settings, builder))
        del base
        if version != BASE_MODEL_VERSION:
            model_path, adapter = model_for(version, mlflow.settings, base_dir)
            generator = make_generator(model_path, settings, adapter_path=adapter)
            arms.append(run_arm(version, tasks, generator, trading_gym, settings))
    results = pl.concat(arms).with_columns(model_version=pl.lit(version))
    summary = arm_summary(results)
    parent_rows = _parent_arm(warehouse, mlflow, version)
    parent = parent_rows["arm"][0] if not parent_rows.is_empty() else None
    compared = (
        pl.concat([results.select(*RESULT_SCHEMA), parent_rows.select(*RESULT_SCHEMA)])
        if parent
        else results
    )
    comparisons = comparison_table(compared, version, parent)
    write_trading_ab_run(
        warehouse.warehouse, version, results, summary.with_columns(model_version=pl.lit(version))
    )
    chart = _chart(summary, version)
    if version != BASE_MODEL_VERSION:
        _log_to_mlflow(mlflow, version, summary, comparisons, chart)
    expected = len(tasks) * settings.n_samples
    counts = results.group_by("arm").len()
    return dg.MaterializeResult(
        metadata={
            "tasks": dg.MetadataValue.int(len(tasks)),
            "retrieval": "few-shot examples from the commit index"
            if builder is not None
            else "no commit index yet: the retrieval arm was prompted zero-shot",
            "arms": dg.MetadataValue.md(markdown_table(_readable(summary), 20)),
            "comparisons": dg.MetadataValue.md(markdown_table(_readable(comparisons), 10, 120)),
            "chart": dg.MetadataValue.md(markdown_image(chart, "mean reward per arm")),
            "answers": dg.MetadataValue.md(
                markdown_table(results.select(*ANSWER_COLUMNS), 30, 100)
            ),
        },
        check_results=[
            dg.AssetCheckResult(
                check_name=CHECK,
                passed=bool((counts["len"] == expected).all())
                and results["reward"].is_not_null().all(),
                metadata={"answers_per_arm": expected, "arms": counts.height},
            )
        ],
    )


def _parent_arm(warehouse: WarehouseResource, mlflow: MlflowResource, version: str) -> pl.DataFrame:
    """An RL version's parent's own arm, from the parent's A/B (empty when there is none)."""
    from cs_pipelines.registry.tracking import version_parent
    from cs_pipelines.registry.versions import registered_version, registered_version_key
    from cs_pipelines.warehouse.tables import TRADING_AB_RESULTS

    number = registered_version(version)
    parent = version_parent(mlflow.settings, number) if number else None
    if parent is None or parent == BASE:  # SFT, or RL from the base model (an arm here)
        return pl.DataFrame()
    key = parent if registered_version(parent) else registered_version_key(parent)
    rows = TRADING_AB_RESULTS.rows_for(warehouse.warehouse, key)
    return rows.filter(arm=key) if not rows.is_empty() else rows


def _readable(frame: pl.DataFrame) -> pl.DataFrame:
    """Scores rounded for reading (the warehouse keeps full precision)."""
    return frame.with_columns(pl.col(pl.Float64).round(4))


def _chart(summary: pl.DataFrame, version: str):
    rewards = summary.filter(metric="reward")
    safe = version.replace("/", "-")
    return bar_chart_png(
        rewards["arm"].to_list(),
        rewards["value"].to_list(),
        f"trading A/B, {version}: mean held-out reward",
        paths.artifacts_dir() / "reports" / f"trading_ab_{safe}.png",
        xlabel="mean gym reward (95% interval)",
        intervals=list(zip(rewards["ci_low"].to_list(), rewards["ci_high"].to_list(), strict=True)),
    )


def _log_to_mlflow(mlflow: MlflowResource, version: str, summary, comparisons, chart) -> None:
    from cs_pipelines.registry import log_scores, version_run_id
    from cs_pipelines.registry.versions import registered_version

    run_id = version_run_id(mlflow.settings, registered_version(version))
    mine = summary.filter(arm=version)
    scores = {row["metric"]: row["value"] for row in mine.iter_rows(named=True)}
    intervals = {
        row["metric"]: (row["ci_low"], row["ci_high"]) for row in mine.iter_rows(named=True)
    }
    log_scores(mlflow.settings, run_id, scores, comparisons, chart, MLFLOW_PREFIX, intervals)
