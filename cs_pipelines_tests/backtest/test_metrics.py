"""Metrics on equity curves computed by hand."""

from __future__ import annotations

import math
import statistics
from datetime import datetime, timedelta

import pytest

from cs_pipelines.backtest import Metrics, compute_metrics

START = datetime(2023, 1, 1)


def daily(n: int) -> list[datetime]:
    return [START + timedelta(days=i) for i in range(n)]


def metrics_of(equity: list[float], trades=(), in_market: int = 0, ppy: float = 365) -> Metrics:
    return compute_metrics(equity, daily(len(equity)), list(trades), in_market, ppy)


def test_known_drawdown_and_total_return() -> None:
    # peaks 120 -> 90 (-25%), later 130 -> 104 (-20%): the larger one counts
    metrics = metrics_of([100, 120, 90, 110, 130, 104])
    assert metrics.max_drawdown == pytest.approx(0.25)
    assert metrics.total_return == pytest.approx(0.04)
    assert metrics.final_value == 104
    assert metrics.n_bars == 6


def test_constant_curve_is_all_zeros() -> None:
    metrics = metrics_of([100.0] * 10)
    assert metrics.total_return == 0
    assert metrics.cagr == 0
    assert metrics.sharpe == 0  # std 0: 0, not NaN or inf
    assert metrics.sortino == 0
    assert metrics.max_drawdown == 0
    assert metrics.n_trades == 0
    assert math.isnan(metrics.win_rate)
    assert metrics.exposure == 0


def test_cagr_over_exactly_one_365_day_year() -> None:
    # 2023 is not a leap year: 2023-01-01 .. 2024-01-01 is 365 days, 366 daily points
    equity = [100 * 1.1 ** (k / 365) for k in range(366)]
    timestamps = daily(366)
    assert timestamps[-1] == datetime(2024, 1, 1)
    metrics = compute_metrics(equity, timestamps, [], 0, 365)
    assert metrics.cagr == pytest.approx(0.10, rel=1e-12)
    assert metrics.total_return == pytest.approx(0.10, rel=1e-12)
    assert metrics.max_drawdown == 0
    assert metrics.sharpe == 0  # the same return every day: no variation beyond float noise
    assert metrics.sortino == math.inf


def test_cagr_over_half_a_year_compounds() -> None:
    equity = [100.0, 110.0]
    timestamps = [START, START + timedelta(days=182.5)]
    metrics = compute_metrics(equity, timestamps, [], 0, 365)
    assert metrics.cagr == pytest.approx(1.1**2 - 1)


def test_sharpe_and_sortino_by_hand() -> None:
    equity = [100.0, 110.0, 99.0, 108.9]  # returns +10%, -10%, +10%
    returns = [0.1, -0.1, 0.1]
    mean = statistics.mean(returns)
    sharpe = mean / statistics.stdev(returns) * math.sqrt(365)
    downside = math.sqrt((0.1**2) / 3)
    metrics = metrics_of(equity)
    assert metrics.sharpe == pytest.approx(sharpe, rel=1e-9)
    assert metrics.sharpe == pytest.approx(5.5151, rel=1e-4)
    assert metrics.sortino == pytest.approx(mean / downside * math.sqrt(365), rel=1e-9)
    assert metrics.max_drawdown == pytest.approx(0.1)


def test_sortino_with_no_downside_is_infinite_and_sharpe_finite() -> None:
    metrics = metrics_of([100, 101, 103, 104, 108])
    returns = [101 / 100 - 1, 103 / 101 - 1, 104 / 103 - 1, 108 / 104 - 1]
    assert metrics.sortino == math.inf
    expected = statistics.mean(returns) / statistics.stdev(returns) * math.sqrt(365)
    assert metrics.sharpe == pytest.approx(expected, rel=1e-9)


def test_annualisation_uses_periods_per_year() -> None:
    equity = [100.0, 110.0, 99.0, 108.9]
    daily_sharpe = metrics_of(equity, ppy=365).sharpe
    hourly_sharpe = metrics_of(equity, ppy=365 * 24).sharpe
    assert hourly_sharpe == pytest.approx(daily_sharpe * math.sqrt(24))


def test_trades_win_rate_and_exposure() -> None:
    trades = [{"pnlcomm": 10.0}, {"pnlcomm": -5.0}, {"pnlcomm": 3.0}, {"pnlcomm": 0.0}]
    metrics = metrics_of([100, 101, 102, 101, 103, 104], trades, in_market=3)
    assert metrics.n_trades == 4
    assert metrics.win_rate == 0.5  # a break-even trade is not a win
    assert metrics.exposure == 0.5


def test_degenerate_curves_do_not_raise() -> None:
    empty = metrics_of([])
    assert (empty.n_bars, empty.total_return, empty.sharpe, empty.max_drawdown) == (0, 0, 0, 0)
    assert math.isnan(empty.cagr)
    single = metrics_of([100.0])
    assert single.total_return == 0 and single.sharpe == 0 and math.isnan(single.cagr)
    wiped_out = metrics_of([100.0, 50.0, 0.0])
    assert wiped_out.total_return == -1
    assert wiped_out.cagr == -1
    assert wiped_out.max_drawdown == 1


def test_lengths_must_match() -> None:
    with pytest.raises(ValueError, match="timestamps"):
        compute_metrics([1.0, 2.0], daily(3), [], 0, 365)


def test_as_dict() -> None:
    data = metrics_of([100, 120, 90]).as_dict()
    assert list(data) == [
        "total_return", "cagr", "sharpe", "sortino", "max_drawdown", "n_trades", "win_rate",
        "exposure", "final_value", "n_bars",
    ]  # fmt: skip
    assert data["max_drawdown"] == pytest.approx(0.25)
