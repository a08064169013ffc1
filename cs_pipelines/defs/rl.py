"""`rl_policy`: RL with verifiable rewards on a LoRA adapter (TRL's GRPOTrainer), tracked and
registered in MLflow as a new version of cs-trader-coder."""

from pathlib import Path
from typing import Any

import dagster as dg

from cs_pipelines import paths
from cs_pipelines.defs.config import launchpad_config, to_stage_config
from cs_pipelines.defs.partitions import model_version_partitions
from cs_pipelines.defs.resources import GymResource, MlflowResource, WarehouseResource
from cs_pipelines.defs.training import data_versions
from cs_pipelines.reporting import history_series, line_chart_png, markdown_image
from cs_pipelines.rl.config import RLConfig

RLRunConfig = launchpad_config(
    RLConfig,
    "RLRunConfig",
    "RL: the preset (smoke on a CPU, gpu on CUDA), the parent version, the advantage "
    "estimator and any hyperparameter override.",
)
POOL_CHECK = "task_pool_train_only"


@dg.asset(
    kinds={"pytorch", "mlflow"},
    group_name="training",
    deps=[
        "sft_dataset",
        "base_model",
        "function_tasks",
        "strategy_tasks",
        "market_data",
        "sft_adapter",
    ],
    check_specs=[
        dg.AssetCheckSpec(
            POOL_CHECK,
            asset="rl_policy",
            blocking=True,
            description="Every RL task comes from the SFT set's train split: none is held out, "
            "none is a function CryptoEval asks for. A pool that is not fails the run before "
            "any training.",
        )
    ],
)
def rl_policy(
    context: dg.AssetExecutionContext,
    config: RLRunConfig,
    warehouse: WarehouseResource,
    mlflow: MlflowResource,
    gym: GymResource,
) -> dg.MaterializeResult:
    """The parent version (default: the champion, the base model before there is one) trained
    further with GRPO-style RL on the SFT train split's tasks: answers sampled from the policy,
    rewarded in the sandbox (the fraction of a function's test calls answered as the reference
    answers them; a strategy's reward in the trading gym on its training windows, or its ladder
    rungs), advantages from the chosen estimator. The adapter
    is logged to MLflow with its lineage (parent, estimator, reward settings, data versions,
    run id, git sha) and registered as a new version; a run in which every group scored its
    answers alike registers nothing and says so."""
    from cs_pipelines.cryptoeval.taskset import read_jsonl
    from cs_pipelines.gym import GymConfig, TradingGym, market_bars
    from cs_pipelines.models.device import cuda_available
    from cs_pipelines.registry import check_reachable, log_training_run, starting_version
    from cs_pipelines.registry.champion import model_for
    from cs_pipelines.rl.config import resolve_rl
    from cs_pipelines.rl.pool import train_only_pool
    from cs_pipelines.rl.rewards import rewards_for
    from cs_pipelines.rl.trainer import NoSignal, format_rl_progress, train_rl
    from cs_pipelines.sandbox import SandboxPool
    from cs_pipelines.sft.function_tasks import load_function_tasks
    from cs_pipelines.sft.stored import probe_feeds, sft_tasks_by_id
    from cs_pipelines.warehouse.tables import MARKET_BARS

    settings = to_stage_config(config, RLConfig)
    resolved = resolve_rl(settings, cuda_available())
    check_reachable(mlflow.settings)  # fail before the training, not after
    parent = starting_version(settings.parent, mlflow.settings)
    base_dir, parent_adapter = model_for(parent, mlflow.settings, paths.base_model_dir())
    tasks_by_id = (
        sft_tasks_by_id(warehouse.warehouse)  # strategy tasks live in the warehouse
        if "strategy" in resolved.kinds
        else {t.task_id: t for t in load_function_tasks()}
    )
    pool, held_out_ids = train_only_pool(
        paths.sft_dataset_dir(),
        tasks_by_id,
        resolved.kinds,
        [t.entry_point for t in read_jsonl(paths.cryptoeval_tasks_file())],
        resolved.max_tasks,
        resolved.seed,
    )
    output_dir = paths.training_dir() / "rl" / context.run.run_id
    context.log.info(f"RL from {parent} on {len(pool)} tasks ({resolved.estimator})")
    strategies = "strategy" in resolved.kinds
    bars = probe_feeds(warehouse.warehouse) if strategies else {}
    gym_settings = to_stage_config(gym, GymConfig)
    reward = (
        f"function test calls matched (timeout {resolved.reward_timeout_s} s); "
        + _strategy_reward(settings.strategy_reward, gym_settings)
    )
    with SandboxPool() as sandbox:
        trading_gym = None
        if strategies and settings.strategy_reward == "gym":
            market = market_bars(MARKET_BARS.read(warehouse.warehouse), gym_settings)
            trading_gym = TradingGym(market, gym_settings, sandbox)
        rewards = rewards_for(
            pool, tasks_by_id, bars, sandbox, settings.reward_timeout_s, trading_gym
        )
        try:
            result = train_rl(
                base_dir,
                parent_adapter,
                pool,
                rewards,
                output_dir,
                settings,
                parent=parent,
                progress=lambda event: context.log.info(format_rl_progress(event)),
            )
        except NoSignal as exc:
            context.log.warning(str(exc))
            costs = {k: v for k, v in exc.result.as_metadata().items() if k != "adapter_dir"}
            return dg.MaterializeResult(
                metadata={
                    **costs,
                    "registered": False,
                    "reason": str(exc),
                    "reward": reward,
                    "parent_version": parent,
                    "curves": dg.MetadataValue.md(_curves(exc.result.history, output_dir)),
                },
                check_results=[_pool_check(pool, held_out_ids)],
            )
    lineage = {
        "dagster_run_id": context.run.run_id,
        **data_versions(context, ("sft_dataset", "base_model")),
        "parent_version": parent,
        "rl_estimator": resolved.estimator,
        "rl_reward": reward,
    }
    registered = log_training_run(mlflow.settings, result, lineage, paths.base_model_dir())
    partition = f"{registered.name}/{registered.version}"
    context.instance.add_dynamic_partitions(model_version_partitions.name, [partition])
    context.log.info(f"registered {partition} (RL from {parent})")
    return dg.MaterializeResult(
        metadata={
            **result.as_metadata(),
            **registered.as_metadata(),
            "registered": True,
            "reward": reward,
            "model_version_partition": partition,
            "mlflow_run": dg.MetadataValue.url(
                mlflow.ui_url(registered.experiment_id, registered.run_id)
            ),
            "curves": dg.MetadataValue.md(_curves(result.history, output_dir)),
        },
        check_results=[_pool_check(pool, held_out_ids)],
    )


def _strategy_reward(kind: str, gym: Any) -> str:
    """How strategy answers were rewarded, for the lineage."""
    if kind == "ladder":
        return "strategy ladder rungs"
    return (
        f"strategy gym: {gym.symbol} {gym.timeframe} training windows of {gym.window_bars} "
        f"bars, {gym.objective} against buy-and-hold"
    )


def _pool_check(pool: list, held_out_ids: list[str]) -> dg.AssetCheckResult:
    kinds = sorted({t.kind for t in pool})
    return dg.AssetCheckResult(
        check_name=POOL_CHECK,
        passed=True,
        metadata={"tasks": len(pool), "kinds": ", ".join(kinds), "held_out": len(held_out_ids)},
    )


def _curves(history: list[dict], output_dir: Path) -> str:
    """Reward, zero-variance share, loss (with the SFT mix's, when on) and step time per step,
    as inline charts."""
    charts = []
    for names, title in (
        (("reward", "reward_std"), "reward (mean, spread) per step"),
        (("frac_reward_zero_std", "rl/filtered_share"), "zero-variance groups per step"),
        (("loss", "rl/sft_loss"), "loss per step (the SFT mix's, when on)"),
        (("timing/step_s", "timing/generation_s", "timing/scoring_s"), "seconds per step"),
    ):
        series = history_series(history, names)
        if series:
            file = output_dir / f"{title.split(' ')[0].replace('-', '_')}.png"
            charts.append(markdown_image(line_chart_png(series, title, file), title))
    return "\n\n".join(charts) or "_(no steps logged)_"
