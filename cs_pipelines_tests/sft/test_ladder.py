"""The verification ladder on the real probe bars, in one sandbox pool: the teacher's default
set climbs it whole, and each rung stops a candidate built to fail there, with a clear reason.

The expensive parts are module fixtures run once: grounding the default 120 tasks and verifying
their teacher candidates (three batches of 120 backtests), and one batch of bad candidates.
"""

from __future__ import annotations

import math
import random
from dataclasses import replace

import polars as pl
import pytest

from cs_pipelines.backtest import BacktestResult, Metrics, run_backtest
from cs_pipelines.sandbox import SandboxPool
from cs_pipelines.sft.candidates import Candidate, candidate_id, teacher_candidates
from cs_pipelines.sft.ladder import (
    RUNGS,
    LadderConfig,
    VerifiedCandidate,
    check_finite,
    free_task,
    ground_tasks,
    rerun_differences,
    signal_match,
    verify_candidates,
)
from cs_pipelines.sft.observe import observe
from cs_pipelines.sft.tasks import Component, StrategyTask, generate_tasks, make_task
from cs_pipelines.sft.teacher import teacher_candidate

SMA = Component("sma_cross", {"fast": 10, "slow": 30})
SPECIAL = {
    "sma": [SMA],
    "stop": [SMA, Component("stop_loss", {"stop_pct": 0.05})],
    "sized": [SMA, Component("percent_equity", {"position_pct": 0.25})],
    "timed": [SMA, Component("time_exit", {"max_bars": 5})],
    "record": [Component("indicator_record", {"indicator": "rsi", "period": 14})],
}
NOW = "datetime.datetime.now().microsecond / 1e7"
RANDOM_SIZE = f"size=(0.5 + {NOW}) * self.broker.getvalue() / self.data.close[0]"
# name -> (task, how the teacher's code is spoiled, rung passed, words in the stop reason)
BAD = {
    "syntax": ("sma", ("def next(self):", "def next(self)"), -1, "parses: SyntaxError"),
    "no_class": ("sma", ("class ", "class Other"), -1, "parses: defines no top-level class"),
    "import_os": ("sma", ("import backtrader", "import os\nimport backtrader"), 0, "`os`"),
    "eval": ("sma", ("self.buy()", "eval('self.buy()')"), 0, "calls `eval()`"),
    "raises": ("sma", ("def next(self):", "def next(self):\n        raise ValueError('boom')"),
               1, "runs: ValueError: boom (strategy line"),
    "never_trades": ("sma", ("self.buy()", "pass"), 2, "trades: made no trade"),
    "goes_short": ("sma", ("self.close()", "self.sell(size=2 * self.position.size)"), 4,
                   "matches_spec: long_only: went short on bar"),
    "no_stop": ("stop", ("self.protect(order.executed.price)", "pass"), 4,
                "matches_spec: must_use_stop: no stop order"),
    "oversized": ("sized", ("self.p.position_pct *", "0.95 *"), 4, "max_position: a position"),
    "held_too_long": ("timed", (" or len(self) - self.entry_bar >= self.p.max_bars", ""), 4,
                      "max_holding_bars: a trade lasted"),
    "shifted": ("sma", ("self.crossover[0]", "self.crossover[-4]"), 4,
                "matches_spec: signals: "),
    "wrong_records": ("record", ("period=self.p.period", "period=self.p.period + 3"), 4,
                      "matches_spec: self.records ends with"),
    "nondeterministic": (
        "sma",
        ("self.buy()", f"self.buy({RANDOM_SIZE})"),
        5,
        "deterministic: re-run differs: total_return",
    ),
}  # fmt: skip


@pytest.fixture(scope="module")
def grounded(pool: SandboxPool, bars: dict[str, pl.DataFrame]) -> list[StrategyTask]:
    return ground_tasks(generate_tasks(), bars, pool)


@pytest.fixture(scope="module")
def teacher_rows(
    grounded: list[StrategyTask], bars: dict[str, pl.DataFrame], pool: SandboxPool
) -> list[VerifiedCandidate]:
    tasks = {task.task_id: task for task in grounded}
    return verify_candidates(teacher_candidates(grounded), tasks, bars, pool)


@pytest.fixture(scope="module")
def special(pool: SandboxPool, bars: dict[str, pl.DataFrame]) -> dict[str, StrategyTask]:
    tasks = {name: make_task(parts, (), random.Random(0)) for name, parts in SPECIAL.items()}
    return dict(zip(tasks, ground_tasks(list(tasks.values()), bars, pool), strict=True))


def _candidate(task: StrategyTask, code: str, name: str) -> Candidate:
    return Candidate(task.task_id, candidate_id(task.task_id, name, code), name, code, "")


@pytest.fixture(scope="module")
def bad_rows(
    special: dict[str, StrategyTask], bars: dict[str, pl.DataFrame], pool: SandboxPool
) -> dict[str, VerifiedCandidate]:
    candidates = []
    for name, (task_name, (old, new), _, _) in BAD.items():
        task = special[task_name]
        code = teacher_candidate(task)
        assert old in code, (name, code)
        if name == "nondeterministic":
            code = "import datetime\n" + code
        candidates.append(_candidate(task, code.replace(old, new, 1), name))
    tasks = {task.task_id: task for task in special.values()}
    rows = verify_candidates(candidates, tasks, bars, pool)
    return dict(zip(BAD, rows, strict=True))


def test_the_teachers_default_set_is_grounded_and_climbs_the_whole_ladder(
    grounded: list[StrategyTask], teacher_rows: list[VerifiedCandidate]
) -> None:
    """One test for both, so that a parallel run never grounds the 120 tasks twice."""
    for task in grounded:
        _assert_grounded(task)
    failures = [(row.task_id, row.stop_reason) for row in teacher_rows if not row.verified]
    verified = 1 - len(failures) / len(teacher_rows)
    assert verified >= 0.9, f"{verified:.1%} verified; failures: {failures[:10]}"
    for row in teacher_rows:
        assert row.source == "teacher" and row.instruction and row.code
        if row.verified:
            assert (row.rung, row.rung_name, row.stop_reason) == (6, "deterministic", "")
            assert set(row.metrics) >= {"total_return", "sharpe", "n_trades", "final_value"}
            assert row.meta["signal_match"] == 1.0 and row.duration_s > 0


def _assert_grounded(task: StrategyTask) -> None:
    expected = task.spec["expected"]
    assert expected is not None, task.spec["components"]
    assert len(expected["signals"]) == task.n_feeds
    assert expected["probe"]["feeds"] == ["BTC/USDT", "ETH/USDT"][: task.n_feeds]
    assert expected["probe"]["n_bars"] == 731
    if task.spec["must_trade"]:
        assert sum(map(len, expected["signals"])) > 0
    else:
        assert expected["signals"] == [[]]
    assert (expected["records"] is not None) == task.spec["records"]


@pytest.mark.parametrize("name", list(BAD))
def test_each_rung_stops_a_candidate_built_to_fail_there(
    name: str, bad_rows: dict[str, VerifiedCandidate]
) -> None:
    _, _, rung, reason = BAD[name]
    row = bad_rows[name]
    assert not row.verified
    assert (row.rung, row.rung_name) == (rung, RUNGS[rung] if rung >= 0 else ""), row.stop_reason
    assert row.stop_reason.startswith(RUNGS[rung + 1] + ": ")
    assert reason in row.stop_reason, row.stop_reason


def test_the_special_tasks_teachers_are_verified(
    special: dict[str, StrategyTask], bars: dict[str, pl.DataFrame], pool: SandboxPool
) -> None:
    """Also: a candidate without a task (a harvested commit, given as a mapping) climbs with
    the spec checks skipped, and an ungrounded task cannot be matched."""
    tasks = {task.task_id: task for task in special.values()}
    sma = special["sma"]
    ungrounded = replace(sma, task_id="st-ungrounded", spec={**sma.spec, "expected": None})
    tasks[ungrounded.task_id] = ungrounded
    commit = {
        "task_id": "commit:org/repo:0123456789ab:strategy.py",
        "candidate_id": "commit-1",
        "source": "commit",
        "code": teacher_candidate(sma),
        "instruction": "Add an SMA crossover strategy",
        "meta": {"class_name": sma.class_name},
    }
    candidates = [
        *teacher_candidates(special.values()),
        commit,
        _candidate(ungrounded, teacher_candidate(sma), "teacher"),
    ]
    *teachers, free, unmatched = verify_candidates(candidates, tasks, bars, pool)
    assert all(row.verified for row in teachers), [row.stop_reason for row in teachers]
    assert free.verified and free.meta["spec_checks"] == "skipped"
    assert free.meta["candidate"] == {"class_name": sma.class_name}
    assert unmatched.rung == 4 and "ground it with ground_tasks" in unmatched.stop_reason


def test_a_candidate_without_task_or_class_is_refused(
    bars: dict[str, pl.DataFrame], pool: SandboxPool
) -> None:
    orphan = Candidate("st-nowhere", "c-1", "model", "import backtrader as bt\n", "")
    with pytest.raises(ValueError, match="unknown task"):
        verify_candidates([orphan], {}, bars, pool)


def test_the_observation_is_measured_not_reported(
    special: dict[str, StrategyTask], bars: dict[str, pl.DataFrame], pool: SandboxPool
) -> None:
    """What the spec checks see comes from the host's replay: the teacher's stop orders and
    position changes are there, and a strategy that prints or stores a claim to have used a stop
    (with its stop removed) is seen without one."""
    task = special["stop"]
    feeds = {"BTC/USDT": bars["BTC/USDT"]}
    teacher = teacher_candidate(task)
    result = run_backtest(teacher, feeds, strategy_name=task.class_name, sandbox=pool)
    seen = observe(result)
    assert seen is not None and not seen["truncated"]
    assert seen["signals"] == task.spec["expected"]["signals"]
    assert seen["order_types"]["Stop"] >= 1 and seen["short_bar"] is None
    claim = '"order_types": {"Stop": 9}, "signals": [[1, 2, 3]]'
    liar = teacher.replace("self.protect(order.executed.price)", f"print('{{{claim}}}')")
    assert liar != teacher
    lied = observe(run_backtest(liar, feeds, strategy_name=task.class_name, sandbox=pool))
    assert lied is not None and "Stop" not in lied["order_types"]
    assert observe(BacktestResult("error", error="boom")) is None


def test_signal_match_pairs_changes_within_the_tolerance() -> None:
    assert signal_match([[10, 20, 30]], [[10, 20, 30]], 1) == 1.0
    assert signal_match([[10, 20, 30]], [[11, 19, 31]], 1) == 1.0
    assert signal_match([[10, 20, 30]], [[13, 23, 33]], 1) == 0.0
    assert signal_match([[10, 20]], [[10, 20, 40, 50]], 1) == 0.5  # extra changes count
    assert signal_match([[10], [12]], [[10], []], 1) == 0.5  # per feed
    assert signal_match([[]], [[]], 1) == 1.0


def _metrics(**changes: float) -> Metrics:
    values = dict(
        total_return=0.1, cagr=0.05, sharpe=1.0, sortino=1.5, max_drawdown=0.2, n_trades=3,
        win_rate=0.5, exposure=0.4, final_value=11_000.0, n_bars=731,
    )  # fmt: skip
    return Metrics(**{**values, **changes})


def test_finite_metrics_allow_only_an_undefined_win_rate() -> None:
    assert check_finite(BacktestResult("ok", metrics=_metrics())) is None
    no_trades = _metrics(n_trades=0, win_rate=math.nan)
    assert check_finite(BacktestResult("ok", metrics=no_trades)) is None
    broken = BacktestResult("ok", metrics=_metrics(sharpe=math.nan, cagr=math.inf))
    assert check_finite(broken) == "non-finite metrics: cagr=inf, sharpe=nan"


def test_rerun_differences_name_what_changed() -> None:
    first = BacktestResult("ok", metrics=_metrics(win_rate=math.nan))
    observation = {"signals": [[1, 5]], "order_types": {"Market": 2}, "records": None}
    assert rerun_differences(first, observation, first, dict(observation)) == []
    moved = {**observation, "signals": [[1, 6]]}
    second = BacktestResult("ok", metrics=_metrics(win_rate=math.nan, final_value=1.0))
    assert rerun_differences(first, observation, second, moved) == [
        "final_value 11000.0 vs 1.0",
        "signals changed",
    ]
    failed = BacktestResult("timeout", error="timeout: no message")
    assert rerun_differences(first, observation, failed, None)[0].startswith("the re-run failed")


def test_free_tasks_ask_only_for_a_trade() -> None:
    spec = free_task("commit:x", "MyStrategy", n_feeds=2).spec
    assert spec["class_name"] == "MyStrategy" and spec["n_feeds"] == 2 and spec["free"]
    assert spec["must_trade"] and not spec["long_only"] and spec["expected"] is None


def test_the_config_parses_its_lists() -> None:
    config = LadderConfig(allowed_modules="backtrader, math,,", forbidden_calls="eval")
    assert config.allowed == {"backtrader", "math"} and config.forbidden == {"eval"}
    assert config.backtest_config().timeout_s == config.timeout_s
