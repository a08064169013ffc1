"""Real backtests in the sandbox: trades, costs, determinism, several feeds, batches."""

from __future__ import annotations

import json
import math
import subprocess
import sys
from datetime import UTC, datetime, timedelta

import polars as pl
import pytest

from cs_pipelines.backtest import BacktestConfig, build_program, run_backtest, run_backtests
from cs_pipelines.backtest.program import PreparedData
from cs_pipelines.backtest.runner import interpret_program
from cs_pipelines.sandbox import ExecutionResult, SandboxPool, Status
from cs_pipelines_tests.backtest.conftest import SMA_CROSS, make_bars

FREE = BacktestConfig(commission=0.0, slippage_perc=0.0)

PAIRS = """
import backtrader as bt


class Pairs(bt.Strategy):
    params = (("period", 20), ("entry", 1.5))

    def __init__(self):
        self.a, self.b = self.getdatabyname("A"), self.getdatabyname("B")
        spread = self.a.close / self.b.close
        mean = bt.indicators.SMA(spread, period=self.p.period)
        std = bt.indicators.StdDev(spread, period=self.p.period)
        self.z = (spread - mean) / std

    def next(self):
        in_market = self.getposition(self.a).size or self.getposition(self.b).size
        if not in_market and self.z[0] > self.p.entry:
            self.sell(data=self.a)
            self.buy(data=self.b)
        elif not in_market and self.z[0] < -self.p.entry:
            self.buy(data=self.a)
            self.sell(data=self.b)
        elif in_market and abs(self.z[0]) < 0.2:
            self.close(data=self.a)
            self.close(data=self.b)
"""


def test_sma_crossover_trades_with_finite_metrics(pool: SandboxPool, daily_bars) -> None:
    result = run_backtest(SMA_CROSS, daily_bars, sandbox=pool)
    assert result.ok, (result.error, result.stderr)
    metrics = result.metrics
    assert metrics.n_trades >= 5
    assert metrics.n_bars == daily_bars.height == len(result.equity_curve)
    assert all(math.isfinite(value) for value in metrics.as_dict().values())
    assert 0 < metrics.exposure < 1
    assert 0 < metrics.max_drawdown < 1
    assert result.equity_curve[0] == (datetime(2023, 1, 1, tzinfo=UTC), 10_000.0)
    assert result.equity_curve[-1][1] == metrics.final_value
    counts = result.trade_counts  # backtrader's own TradeAnalyzer agrees with our records
    assert counts["closed"] == metrics.n_trades
    assert counts["won"] == round(metrics.win_rate * metrics.n_trades)
    first = result.trades[0]
    assert first["data"] == "data" and first["direction"] == "long" and first["size"] > 0
    assert first["open_ts"] < first["close_ts"]


def test_equity_frame(pool: SandboxPool, daily_bars) -> None:
    frame = run_backtest(SMA_CROSS, daily_bars, sandbox=pool).equity_frame()
    assert frame.schema == pl.Schema({"ts": pl.Datetime("ms", "UTC"), "value": pl.Float64})
    assert frame.height == daily_bars.height


def test_closed_trades_account_for_the_pnl(pool: SandboxPool, daily_bars) -> None:
    # A subclass that is flat at the end; the most derived class is the one that runs.
    flat_at_the_end = SMA_CROSS + (
        "\n\nclass FlatAtTheEnd(SmaCross):\n"
        "    def next(self):\n"
        "        if len(self.data) < self.data.buflen() - 2:\n"
        "            super().next()\n"
        "        elif self.position:\n"
        "            self.close()\n"
    )
    result = run_backtest(flat_at_the_end, daily_bars, sandbox=pool)
    assert result.ok, result.error
    assert result.trade_counts["open"] == 0
    realised = sum(trade["pnlcomm"] for trade in result.trades)
    assert result.metrics.final_value == pytest.approx(10_000 + realised, rel=1e-12)


def test_costs_lower_the_final_value(pool: SandboxPool, daily_bars) -> None:
    configs = [
        FREE,
        BacktestConfig(commission=0.001, slippage_perc=0.0),
        BacktestConfig(commission=0.0, slippage_perc=0.001),
        BacktestConfig(),
        BacktestConfig(commission=0.005, slippage_perc=0.005),
    ]
    finals = [run_backtest(SMA_CROSS, daily_bars, c, sandbox=pool).metrics for c in configs]
    free, commission_only, slippage_only, default, expensive = (m.final_value for m in finals)
    assert free > commission_only > default > expensive
    assert free > slippage_only > default
    assert {m.n_trades for m in finals} == {finals[0].n_trades}  # same signals, other costs


def test_fixed_stake_sizer(pool: SandboxPool, daily_bars) -> None:
    result = run_backtest(SMA_CROSS, daily_bars, BacktestConfig(sizer="fixed"), sandbox=pool)
    assert result.ok, result.error
    assert {trade["size"] for trade in result.trades} == {1.0}


def test_same_code_and_data_give_the_same_numbers(pool: SandboxPool, daily_bars) -> None:
    first = run_backtest(SMA_CROSS, daily_bars, sandbox=pool)
    second = run_backtest(SMA_CROSS, make_bars(), sandbox=pool)  # rebuilt, same seed
    assert first.metrics == second.metrics  # exact, not approximate
    assert first.equity_curve == second.equity_curve
    assert first.trades == second.trades
    batch = run_backtests([SMA_CROSS] * 4, daily_bars, BacktestConfig(), pool)
    assert all(r.metrics == first.metrics and r.trades == first.trades for r in batch)


def test_build_program_in_a_fresh_interpreter_gives_the_verified_numbers(
    pool: SandboxPool, daily_bars
) -> None:
    """The self-contained program (measured in the strategy's process) and the verified
    backtest (decisions replayed and measured on the host) agree on an honest strategy."""
    prepared = PreparedData.from_bars(daily_bars, BacktestConfig())
    program = build_program(SMA_CROSS, daily_bars)
    assert program == prepared.program(SMA_CROSS)
    done = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout.strip().splitlines()[-1])
    fresh = interpret_program(ExecutionResult(Status.PASSED, result=report), prepared)
    in_sandbox = interpret_program(
        pool.run(program, **prepared.run_options(streamed=False)), prepared
    )
    verified = run_backtest(SMA_CROSS, daily_bars)
    assert fresh.metrics == in_sandbox.metrics == verified.metrics
    assert fresh.trades == verified.trades and fresh.equity_curve == verified.equity_curve


def test_pairs_strategy_on_two_feeds(pool: SandboxPool) -> None:
    a = make_bars(500, seed=3)
    noise = make_bars(500, seed=4, scale=0.05)  # B tracks 1.5 x A plus a small wandering term
    b = a.with_columns([(pl.col(c) * 1.5 + noise[c]) for c in ("open", "high", "low", "close")])
    result = run_backtest(PAIRS, {"A": a, "B": b}, FREE, sandbox=pool)
    assert result.ok, (result.error, result.stderr)
    assert result.metrics.n_trades >= 4
    assert {t["data"] for t in result.trades} == {"A", "B"}
    assert {t["direction"] for t in result.trades} == {"long", "short"}
    assert math.isfinite(result.metrics.sharpe)


def test_hourly_bars_annualise_with_8760_periods(pool: SandboxPool) -> None:
    hourly = make_bars(24 * 60, step=timedelta(hours=1))
    inferred = run_backtest(SMA_CROSS, hourly, sandbox=pool).metrics
    daily_rule = run_backtest(
        SMA_CROSS, hourly, BacktestConfig(periods_per_year=365), sandbox=pool
    ).metrics
    assert inferred.sharpe == pytest.approx(daily_rule.sharpe * math.sqrt(24))
    assert inferred.cagr == daily_rule.cagr  # calendar time either way


def test_batch_keeps_order_and_names(pool: SandboxPool, daily_bars) -> None:
    two = SMA_CROSS + "\n\nclass Other(bt.Strategy):\n    pass\n"
    results = run_backtests(
        [SMA_CROSS, "x = (", two, two],
        daily_bars,
        BacktestConfig(),
        pool,
        strategy_names=[None, None, "Other", None],
    )
    assert [r.status for r in results] == ["ok", "error", "ok", "error"]
    assert results[2].metrics.n_trades == 0  # Other never trades
    assert math.isnan(results[2].metrics.win_rate)
    assert results[2].metrics.final_value == 10_000
    with pytest.raises(ValueError, match="strategy names"):
        run_backtests([SMA_CROSS], daily_bars, BacktestConfig(), pool, strategy_names=[])


@pytest.mark.parametrize(
    "report",
    [
        None,
        [1, 2],
        {"ts": 5, "equity": [], "in_market": 0, "trades": []},
        {"ts": [0], "equity": ["x"], "in_market": 0, "trades": []},
        {"ts": [0, 1], "equity": [1.0], "in_market": 0, "trades": []},
        {"ts": [0], "equity": [1.0], "in_market": 0, "trades": [{"open_ts": "x"}]},
    ],
)
def test_malformed_reports_are_errors_not_exceptions(report) -> None:
    prepared = PreparedData.from_bars(make_bars(3), BacktestConfig())
    result = interpret_program(ExecutionResult(Status.PASSED, result=report), prepared)
    assert result.status == "error"
    assert "result" in result.error
