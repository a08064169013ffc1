"""The A/B of model versions in the trading gym (seed 000 task 2.4): strategies generated for
held-out strategy tasks, scored on held-out market windows, compared with intervals.

Arms: ``base`` (the base model, prompted zero-shot), ``base+retrieval`` (the base model with
few-shot examples from the commit index: the dynamic prompt builder), and any model version
(SFT or RL). Each arm answers every task ``n_samples`` times; every answer is scored by the gym
on its held-out windows. Per arm: the share of valid strategies (passed the gate), the mean
reward, and the mean Sharpe and maximum drawdown of the valid ones, each with a 95% cluster
bootstrap interval (tasks of one family are one cluster). Two arms are compared on the same
tasks by the paired cluster bootstrap of per-task mean rewards.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import polars as pl

from cs_pipelines.gym.reward import GymResult, TradingGym
from cs_pipelines.models.sampling import EngineSettings, SamplingSettings
from cs_pipelines.sft.model_candidates import ModelCandidateConfig, model_candidates
from cs_pipelines.sft.tasks import StrategyTask
from cs_pipelines.stats import (
    ALPHA,
    PairedComparison,
    cluster_bootstrap_ci,
    paired_cluster_bootstrap,
)

BASE, RETRIEVAL = "base", "base+retrieval"
METRICS = ("valid", "reward", "sharpe", "max_drawdown")
RESULT_SCHEMA = {
    "arm": pl.String,
    "task_id": pl.String,
    "family": pl.String,
    "sample": pl.Int64,
    "status": pl.String,
    "valid": pl.Boolean,
    "reward": pl.Float64,
    "sharpe": pl.Float64,
    "max_drawdown": pl.Float64,
    "total_return": pl.Float64,
    "reason": pl.String,
    "code": pl.String,
}


@dataclass(frozen=True)
class TradingABConfig(SamplingSettings, EngineSettings):
    """How each arm answers: ``n_samples`` per task at ``temperature``, on at most
    ``max_tasks`` held-out strategy tasks (0: all); the retrieval arm with ``few_shot_k``
    examples from the commit index."""

    n_samples: int = 2
    temperature: float = 0.8
    max_new_tokens: int = 512
    max_tasks: int = 8
    few_shot_k: int = 2

    def __post_init__(self) -> None:
        super().__post_init__()
        if self.max_tasks < 0 or self.few_shot_k < 1:
            raise ValueError("max_tasks must be >= 0 and few_shot_k >= 1")

    def sampling(self, few_shot_k: int) -> ModelCandidateConfig:
        return ModelCandidateConfig(**self.sampling_fields(), few_shot_k=few_shot_k)


def ab_tasks(
    validation_task_ids: Sequence[str], tasks: dict[str, Any], max_tasks: int = 0
) -> list[StrategyTask]:
    """The validation split's strategy tasks (never trained on), in a stable order."""
    chosen = sorted({t for t in validation_task_ids if isinstance(tasks.get(t), StrategyTask)})
    if not chosen:
        raise ValueError("no held-out strategy tasks: the SFT validation split has none")
    strategies = [tasks[t] for t in chosen]
    return strategies[:max_tasks] if max_tasks else strategies


def run_arm(
    arm: str,
    tasks: Sequence[StrategyTask],
    generator: Any,
    gym: TradingGym,
    config: TradingABConfig,
    builder: Any | None = None,
) -> pl.DataFrame:
    """One arm's answers to every task, scored on the gym's held-out windows (a row each)."""
    sampling = config.sampling(config.few_shot_k if builder is not None else 0)
    candidates = model_candidates(tasks, generator, sampling, builder)
    by_id = {task.task_id: task for task in tasks}
    results = gym.score(
        [c.code for c in candidates], "held_out", [by_id[c.task_id] for c in candidates]
    )
    counts: dict[str, int] = {}
    rows = []
    for candidate, result in zip(candidates, results, strict=True):
        sample = counts.get(candidate.task_id, 0)
        counts[candidate.task_id] = sample + 1
        rows.append(_row(arm, by_id[candidate.task_id], sample, candidate.code, result))
    return pl.DataFrame(rows, schema=RESULT_SCHEMA)


def _row(arm: str, task: StrategyTask, sample: int, code: str, result: GymResult) -> dict:
    metrics = result.backtest.metrics if result.backtest and result.backtest.metrics else None
    valid = result.status == "scored"
    return {
        "arm": arm,
        "task_id": task.task_id,
        "family": task.family,
        "sample": sample,
        "status": result.status,
        "valid": valid,
        "reward": result.reward,
        "sharpe": metrics.sharpe if metrics and valid else None,
        "max_drawdown": metrics.max_drawdown if metrics and valid else None,
        "total_return": metrics.total_return if metrics and valid else None,
        "reason": result.reason,
        "code": code,
    }


def arm_summary(rows: pl.DataFrame) -> pl.DataFrame:
    """Per arm and metric: the mean over tasks of the per-task mean, and its interval. Sharpe
    and drawdown average the valid answers only (NaN when an arm has none)."""
    out = []
    for arm in rows["arm"].unique(maintain_order=True).to_list():
        per_task = _per_task(rows.filter(arm=arm))
        for metric in METRICS:
            known = per_task.filter(pl.col(metric).is_not_null() & pl.col(metric).is_not_nan())
            if known.is_empty():
                out.append({"arm": arm, "metric": metric, "value": math.nan, "ci_low": math.nan,
                            "ci_high": math.nan, "n_tasks": 0})  # fmt: skip
                continue
            interval = cluster_bootstrap_ci(known[metric].to_list(), known["family"].to_list())
            out.append(
                {
                    "arm": arm,
                    "metric": metric,
                    "value": interval.estimate,
                    "ci_low": interval.low,
                    "ci_high": interval.high,
                    "n_tasks": known.height,
                }
            )
    return pl.DataFrame(out, schema_overrides={"n_tasks": pl.Int64})


def _per_task(rows: pl.DataFrame) -> pl.DataFrame:
    return (
        rows.group_by("task_id", "family", maintain_order=True)
        .agg(
            pl.col("valid").cast(pl.Float64).mean(),
            pl.col("reward").mean(),
            pl.col("sharpe").mean(),
            pl.col("max_drawdown").mean(),
        )
        .sort("task_id")
    )


def compare_arms(
    rows: pl.DataFrame,
    candidate: str,
    baseline: str,
    metric: str = "reward",
    alpha: float = ALPHA,
) -> PairedComparison:
    """``candidate`` minus ``baseline`` on the per-task mean of ``metric`` (``reward`` or
    ``valid``) over the tasks both answered."""
    mine = _per_task(rows.filter(arm=candidate)).select("task_id", "family", mine=metric)
    theirs = _per_task(rows.filter(arm=baseline)).select("task_id", theirs=metric)
    both = mine.join(theirs, on="task_id", how="inner")
    if both.is_empty():
        raise ValueError(f"arms {candidate!r} and {baseline!r} answered no task in common")
    return paired_cluster_bootstrap(
        both["mine"].to_list(), both["theirs"].to_list(), both["family"].to_list(), alpha=alpha
    )


GUARDED = {"reward": "trading A/B mean reward", "valid": "trading A/B valid share"}


def guard_comparisons(
    candidate_rows: pl.DataFrame,
    baseline_rows: pl.DataFrame,
    candidate: str,
    baseline: str,
    alpha: float = ALPHA,
) -> dict[str, PairedComparison]:
    """What promotion weighs from the trading A/B: the candidate's arm against the baseline's
    (the champion's own arm, or the base model's) on mean reward and valid share; empty when
    either arm is missing or they share no task."""
    mine = candidate_rows.filter(arm=candidate) if not candidate_rows.is_empty() else candidate_rows
    theirs = baseline_rows.filter(arm=baseline) if not baseline_rows.is_empty() else baseline_rows
    if mine.is_empty() or theirs.is_empty():
        return {}
    results = pl.concat([mine.select(*RESULT_SCHEMA), theirs.select(*RESULT_SCHEMA)])
    try:
        return {
            label: compare_arms(results, candidate, baseline, metric, alpha)
            for metric, label in GUARDED.items()
        }
    except ValueError:  # no task in common
        return {}


def comparison_table(
    results: pl.DataFrame, version: str, parent: str | None = None
) -> pl.DataFrame:
    """Every comparison an A/B reports: retrieval against prompt-only, and the version (when it
    is an arm) against each of them and against ``parent`` (an RL version's parent, when its
    arm is in ``results``); with interval, p-value and verdict."""
    arms = set(results["arm"].to_list())
    own = version in arms and version not in (BASE, RETRIEVAL)
    baselines = [BASE, RETRIEVAL, *([parent] if parent in arms - {BASE, version} else [])]
    pairs = [(RETRIEVAL, BASE), *((version, b) for b in baselines if own)]
    rows = []
    for candidate, baseline in pairs:
        paired = compare_arms(results, candidate, baseline)
        rows.append(
            {
                "candidate": candidate,
                "baseline": baseline,
                "reward_difference": paired.difference,
                "ci_low": paired.ci_low,
                "ci_high": paired.ci_high,
                "p_value": paired.p_value,
                "wins": paired.wins,
                "losses": paired.losses,
                "ties": paired.ties,
                "verdict": "significant" if paired.significant else "not significant",
            }
        )
    return pl.DataFrame(rows)
