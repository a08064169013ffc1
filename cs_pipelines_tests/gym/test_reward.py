"""The gym's reward: the gate's rungs give partial credit, tampering costs, a strategy that
passes is scored out of sample against buy-and-hold; and the numbers are the verified
backtest's."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import polars as pl
import pytest

from cs_pipelines.gym import GymConfig, GymError, TradingGym
from cs_pipelines.gym.objectives import calmar_ratio, differential_sharpe, objective
from cs_pipelines.sandbox import SandboxPool
from cs_pipelines.sft.ladder import free_task
from cs_pipelines.sft.tasks import StrategyTask
from cs_pipelines_tests.backtest.conftest import SMA_CROSS

HOSTILE = Path(__file__).parents[1] / "backtest" / "hostile"
BUY_AND_HOLD = """
import backtrader as bt


class Hold(bt.Strategy):
    def next(self):
        if not self.position:
            self.buy()
"""
SHORT_SELLER = SMA_CROSS.replace("self.close()", "self.sell(size=2 * self.position.size)")
ONE_DAY = """
import backtrader as bt


class OneDay(bt.Strategy):
    def next(self):
        if len(self) == 100:
            self.buy()
        elif len(self) == 101:
            self.close()
"""
NEVER = "import backtrader as bt\n\n\nclass Idle(bt.Strategy):\n    pass\n"
RAISES = (
    "import backtrader as bt\n\n\nclass Boom(bt.Strategy):\n    def next(self):\n        1 / 0\n"
)


@pytest.fixture(scope="module")
def gym(bars: pl.DataFrame, pool: SandboxPool) -> TradingGym:
    return TradingGym(bars, GymConfig(), pool)


def test_the_gate_gives_partial_credit_so_a_group_differs(gym: TradingGym) -> None:
    codes = ["class Broken(:", RAISES, NEVER, ONE_DAY, SMA_CROSS]
    results = gym.score(codes)
    assert [r.status for r in results] == ["gated"] * 4 + ["scored"]
    assert [r.rungs_passed for r in results] == [0, 1, 2, 2, 4]
    assert [r.reward for r in results[:4]] == pytest.approx([0.0, 0.1, 0.2, 0.2])
    assert results[0].reason.startswith("parses: SyntaxError")
    assert "ZeroDivisionError" in results[1].reason
    assert results[2].reason == "trades: never held a position"
    assert results[3].reason.startswith("trades: in the market 0.")
    assert 0.4 <= results[4].reward <= 1.0
    assert len(set(r.reward for r in results)) == 4


def test_a_passing_strategy_is_scored_per_window_against_buy_and_hold(gym: TradingGym) -> None:
    sma, hold = gym.score([SMA_CROSS, BUY_AND_HOLD])
    assert len(sma.windows) == len(gym.windows["train"]) == 5
    for window in hold.windows:  # in the market throughout with 95% of its cash, less costs
        assert window.exposure == 1.0
        assert window.total_return == pytest.approx(window.benchmark_return, rel=0.1, abs=0.01)
        assert window.excess == pytest.approx(0.0, abs=0.15)
    assert abs(hold.score) < 0.1
    assert sma.score == pytest.approx(np.mean([w.excess for w in sma.windows]))
    config = gym.config
    assert sma.reward == pytest.approx(
        0.4 + config.score_weight * (max(-3, min(3, sma.score)) + 3) / 6
    )
    assert sma.summary()["gate"] == {"rungs_passed": 4, "rung": "meets_spec", "reason": None}


def test_held_out_windows_are_scored_on_their_own_bars(gym: TradingGym) -> None:
    [train] = gym.score([SMA_CROSS], "train")
    [held_out] = gym.score([SMA_CROSS], "held_out")
    assert {w.split for w in held_out.windows} == {"held_out"}
    assert min(w.start for w in held_out.windows) > max(w.end for w in train.windows)
    assert held_out.backtest.equity_curve[0][0] > train.backtest.equity_curve[0][0]
    with pytest.raises(GymError, match="split must be one of"):
        gym.score([SMA_CROSS], "test")


def test_tampering_costs_more_than_not_trying(gym: TradingGym) -> None:
    forger = (HOSTILE / "forge_a_decision.py").read_text()
    foresight = (HOSTILE / "future_from_gc.py").read_text()
    tampered, blind, idle = gym.score([forger, foresight, NEVER])
    assert tampered.status == "tampered" and tampered.reward == -0.5
    assert "size 1e+30" in tampered.reason
    assert blind.reward <= idle.reward  # the future it looked for was not there


def test_the_task_s_spec_is_part_of_the_gate(gym: TradingGym) -> None:
    long_only = free_task("t-long", "SmaCross")
    long_only = StrategyTask(
        long_only.task_id,
        "",
        "",
        0,
        "sma",
        "",
        {**long_only.spec, "free": False, "long_only": True},
    )
    ok, short = gym.score([SMA_CROSS, SHORT_SELLER], tasks=[long_only, long_only])
    assert ok.status == "scored"
    assert short.status == "gated" and short.rungs_passed == 3
    assert short.reason.startswith("meets_spec: long_only: went short on bar")
    [missing] = gym.score([BUY_AND_HOLD], tasks=[long_only])
    assert missing.reason.startswith("parses: defines no top-level class `SmaCross`")


def test_objectives_on_known_curves() -> None:
    rising = 100 * 1.01 ** np.arange(60)
    config = GymConfig()
    for name in ("sharpe_dd", "sortino", "calmar", "diff_sharpe"):
        assert (
            objective(rising * (1 + 1e-4 * np.sin(np.arange(60))), 365, GymConfig(objective=name))
            > 2
        )
        assert objective(rising[::-1], 365, GymConfig(objective=name)) < 0
    assert objective(np.full(30, 100.0), 365, config) == 0.0
    assert calmar_ratio(np.array([100.0, 50.0, 75.0]), 365) < 0
    assert math.isinf(calmar_ratio(rising, 365))
    assert differential_sharpe(np.zeros(10), 0.1) == 0.0


def test_a_strategy_that_loops_or_floods_output_is_gated_not_a_crash(bars, pool) -> None:
    from cs_pipelines.backtest import BacktestConfig

    loops = "import backtrader as bt\n\n\nclass Loop(bt.Strategy):\n    def next(self):\n"
    loops += "        while True:\n            pass\n"
    floods = SMA_CROSS.replace("def next(self):", "def next(self):\n        print('x' * 5000)")
    gym = TradingGym(bars, GymConfig(), pool, backtest=BacktestConfig(timeout_s=3.0))
    looped, flooded = gym.score([loops, floods])
    assert looped.status == "gated" and looped.rungs_passed == 1
    assert looped.reason.startswith("runs: timeout")
    assert flooded.status == "scored"  # the output is cut to a tail; the numbers are the host's
    assert len(flooded.backtest.stdout) <= 4000
