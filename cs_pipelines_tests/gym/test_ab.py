"""The trading A/B: each arm's answers scored by the gym on held-out windows, summarised with
intervals and compared task by task."""

from __future__ import annotations

import math

import polars as pl
import pytest

from cs_pipelines.gym import GymConfig, TradingGym
from cs_pipelines.gym.ab import (
    BASE,
    RESULT_SCHEMA,
    RETRIEVAL,
    TradingABConfig,
    ab_tasks,
    arm_summary,
    compare_arms,
    comparison_table,
    run_arm,
)
from cs_pipelines.sft.ladder import free_task
from cs_pipelines.sft.tasks import StrategyTask


def rows(arm: str, rewards: dict[str, list[float]], valid_from: float = 0.4) -> list[dict]:
    """Answers of one arm: ``task_id -> rewards``; an answer is valid when it reached the score."""
    out = []
    for task_id, values in rewards.items():
        for sample, reward in enumerate(values):
            valid = reward >= valid_from
            out.append(
                {
                    "arm": arm,
                    "task_id": task_id,
                    "family": task_id.split("-")[0],
                    "sample": sample,
                    "status": "scored" if valid else "gated",
                    "valid": valid,
                    "reward": reward,
                    "sharpe": 1.0 + reward if valid else None,
                    "max_drawdown": 0.1 if valid else None,
                    "total_return": 0.0 if valid else None,
                    "reason": None,
                    "code": "",
                }
            )
    return out


def frame(*arms: list[dict]) -> pl.DataFrame:
    return pl.DataFrame([row for arm in arms for row in arm], schema=RESULT_SCHEMA)


TASKS = [f"{family}-{i}" for family in ("sma", "rsi", "pairs", "breakout") for i in range(3)]


def test_the_summary_gives_each_arm_its_shares_and_means_with_intervals() -> None:
    base = rows(BASE, {t: [0.0, 0.1] for t in TASKS})
    better = rows("cs-trader-coder/2", {t: [0.7, 0.2] for t in TASKS})
    summary = arm_summary(frame(base, better))
    got = {(r["arm"], r["metric"]): r for r in summary.iter_rows(named=True)}
    assert got[(BASE, "valid")]["value"] == 0.0
    assert got[(BASE, "reward")]["value"] == pytest.approx(0.05)
    assert math.isnan(got[(BASE, "sharpe")]["value"])  # no valid strategy: no Sharpe
    assert got[("cs-trader-coder/2", "valid")]["value"] == 0.5
    assert got[("cs-trader-coder/2", "sharpe")]["value"] == pytest.approx(1.7)
    reward = got[("cs-trader-coder/2", "reward")]
    assert reward["ci_low"] <= reward["value"] <= reward["ci_high"]
    assert reward["n_tasks"] == len(TASKS)


def test_arms_are_compared_on_the_tasks_they_share() -> None:
    base = rows(BASE, {t: [0.1, 0.1] for t in TASKS})
    retrieval = rows(RETRIEVAL, {t: [0.1, 0.1] for t in TASKS})
    version = rows("cs-trader-coder/3", {t: [0.6, 0.8] for t in TASKS})
    results = frame(base, retrieval, version)
    paired = compare_arms(results, "cs-trader-coder/3", BASE)
    assert paired.difference == pytest.approx(0.6) and paired.significant
    assert paired.wins == len(TASKS)
    same = compare_arms(results, RETRIEVAL, BASE)
    assert same.difference == 0 and same.p_value == 1.0 and not same.significant
    table = comparison_table(results, "cs-trader-coder/3")
    assert table.select("candidate", "baseline").rows() == [
        (RETRIEVAL, BASE), ("cs-trader-coder/3", BASE), ("cs-trader-coder/3", RETRIEVAL)
    ]  # fmt: skip
    assert table["verdict"].to_list() == ["not significant", "significant", "significant"]
    assert comparison_table(frame(base, retrieval), "base").height == 1
    with pytest.raises(ValueError, match="answered no task in common"):
        compare_arms(frame(base, rows("x", {"other-1": [0.5]})), "x", BASE)


def test_only_held_out_strategy_tasks_are_chosen() -> None:
    tasks = {t: free_task(t, "S") for t in ("st-b", "st-a", "st-c")} | {"fn/x": object()}
    chosen = ab_tasks(["st-c", "fn/x", "st-a", "st-a"], tasks)
    assert [t.task_id for t in chosen] == ["st-a", "st-c"]
    assert [t.task_id for t in ab_tasks(["st-c", "st-a"], tasks, max_tasks=1)] == ["st-a"]
    with pytest.raises(ValueError, match="no held-out strategy tasks"):
        ab_tasks(["fn/x"], tasks)


def test_an_arm_answers_every_task_n_times_and_the_gym_scores_each(
    tiny_model_dir, pool, bars
) -> None:
    from cs_pipelines.models.generation import make_generator

    config = TradingABConfig(n_samples=2, max_new_tokens=12, max_tasks=2)
    tasks = [
        StrategyTask(
            f"st-{i}",
            "write an SMA crossover",
            "",
            1,
            "sma",
            "SmaCross",
            free_task(f"st-{i}", "SmaCross").spec,
        )
        for i in range(2)
    ]
    gym = TradingGym(bars, GymConfig(), pool)
    generator = make_generator(tiny_model_dir, config)
    answers = run_arm(BASE, tasks, generator, gym, config)
    assert answers.schema == pl.Schema(RESULT_SCHEMA)
    assert answers.height == 4 and answers["sample"].to_list() == [0, 1, 0, 1]
    assert set(answers["task_id"]) == {"st-0", "st-1"}
    # A random tiny model writes no strategy: every answer stops at the gate, with its reason.
    assert answers["status"].to_list() == ["gated"] * 4
    assert answers["reward"].to_list() == [0.0] * 4
    assert all(reason.startswith("parses: ") for reason in answers["reason"])
    with pytest.raises(ValueError, match="few_shot_k"):
        TradingABConfig(few_shot_k=0)


def test_promotion_guards_compare_the_candidate_with_the_champion_s_own_arm() -> None:
    from cs_pipelines.gym.ab import GUARDED, guard_comparisons

    candidate = frame(
        rows(BASE, {t: [0.3, 0.3] for t in TASKS}),
        rows("cs-trader-coder/3", {t: [0.0, 0.1] for t in TASKS}),
    )
    champion = frame(rows("cs-trader-coder/2", {t: [0.8, 0.9] for t in TASKS}))
    guards = guard_comparisons(candidate, champion, "cs-trader-coder/3", "cs-trader-coder/2")
    assert set(guards) == set(GUARDED.values())
    reward = guards["trading A/B mean reward"]
    assert reward.difference == pytest.approx(-0.8) and reward.significant
    assert guards["trading A/B valid share"].difference == pytest.approx(-1.0)
    against_base = guard_comparisons(candidate, candidate, "cs-trader-coder/3", BASE)
    assert against_base["trading A/B mean reward"].difference == pytest.approx(-0.25)
    assert guard_comparisons(candidate, pl.DataFrame(), "cs-trader-coder/3", BASE) == {}
    elsewhere = frame(rows("cs-trader-coder/2", {"other-1": [0.5]}))
    assert guard_comparisons(candidate, elsewhere, "cs-trader-coder/3", "cs-trader-coder/2") == {}


def test_an_rl_version_is_compared_with_its_parent_when_the_parent_was_in_an_a_b() -> None:
    base = rows(BASE, {t: [0.1] for t in TASKS})
    retrieval = rows(RETRIEVAL, {t: [0.1] for t in TASKS})
    sft = rows("cs-trader-coder/1", {t: [0.5] for t in TASKS})
    rl = rows("cs-trader-coder/2", {t: [0.5] for t in TASKS})
    table = comparison_table(
        frame(base, retrieval, sft, rl), "cs-trader-coder/2", "cs-trader-coder/1"
    )
    last = table.row(-1, named=True)
    assert (last["candidate"], last["baseline"]) == ("cs-trader-coder/2", "cs-trader-coder/1")
    assert last["reward_difference"] == 0 and last["verdict"] == "not significant"
    no_parent = comparison_table(
        frame(base, retrieval, rl), "cs-trader-coder/2", "cs-trader-coder/1"
    )
    assert no_parent.height == 3  # the parent's arm is not there: nothing to compare with
