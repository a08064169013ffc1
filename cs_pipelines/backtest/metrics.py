"""Performance metrics of a backtest, computed on the host from its equity curve.

Conventions (all pure functions of their inputs, so the same curve gives the same numbers):

* per-bar returns ``r_t = equity_t / equity_{t-1} - 1``; no risk-free rate;
* Sharpe ``mean(r) / std(r, ddof=1) * sqrt(periods_per_year)``; 0 when the returns do not vary
  (std 0, or under 1e-9 of the mean: float noise on a perfectly steady curve) or there are
  fewer than two of them;
* Sortino ``mean(r) / sqrt(mean(min(r, 0)^2)) * sqrt(periods_per_year)`` (downside deviation
  against a 0 target, over every bar); with no losing bar it is ``inf`` when the mean return is
  positive and 0 when it is 0 (a flat curve);
* CAGR from calendar time: ``(final / initial) ** (1 / years) - 1`` with
  ``years = (last ts - first ts) / 365 days``; NaN when the curve spans no time; -1 when the
  final value is <= 0;
* max drawdown: the largest ``1 - equity / running peak``, a positive fraction (0.25 = -25%);
* trades: closed trades only; win rate = share with ``pnlcomm > 0``, NaN when there is no
  closed trade (undefined, and unlike 0 it cannot be mistaken for "always loses");
* exposure: share of bars that ended with an open position in any feed.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import numpy as np

YEAR = timedelta(days=365)
STEADY = 1e-9  # std below this fraction of |mean|: the returns do not vary beyond float noise


@dataclass(frozen=True)
class Metrics:
    """Summary of one backtest; fractions, not percent (0.12 = 12%)."""

    total_return: float
    cagr: float
    sharpe: float
    sortino: float
    max_drawdown: float
    n_trades: int
    win_rate: float
    exposure: float
    final_value: float
    n_bars: int

    def as_dict(self) -> dict[str, float | int]:
        return dataclasses.asdict(self)


def compute_metrics(
    equity: Sequence[float],
    timestamps: Sequence[datetime],
    trades: Sequence[Mapping[str, Any]],
    bars_in_market: int,
    periods_per_year: float,
) -> Metrics:
    """Metrics of an equity curve (one value per bar) and its closed trades; never raises on
    degenerate curves (empty, flat, zero or negative values), see the module's conventions."""
    values = np.asarray(equity, dtype=np.float64)
    if len(timestamps) != len(values):
        raise ValueError(f"{len(values)} equity values but {len(timestamps)} timestamps")
    returns = _returns(values)
    n_bars = len(values)
    return Metrics(
        total_return=_ratio(values[-1], values[0]) - 1 if n_bars else 0.0,
        cagr=_cagr(values, timestamps),
        sharpe=sharpe_ratio(returns, periods_per_year),
        sortino=sortino_ratio(returns, periods_per_year),
        max_drawdown=max_drawdown(values),
        n_trades=len(trades),
        win_rate=win_rate(trades),
        exposure=bars_in_market / n_bars if n_bars else 0.0,
        final_value=float(values[-1]) if n_bars else math.nan,
        n_bars=n_bars,
    )


def _returns(values: np.ndarray) -> np.ndarray:
    with np.errstate(divide="ignore", invalid="ignore"):
        return values[1:] / values[:-1] - 1.0


def _ratio(numerator: float, denominator: float) -> float:
    return float(numerator / denominator) if denominator != 0 else math.nan


def _cagr(values: np.ndarray, timestamps: Sequence[datetime]) -> float:
    if len(values) < 2:
        return math.nan
    years = (timestamps[-1] - timestamps[0]) / YEAR
    growth = _ratio(values[-1], values[0])
    if years <= 0 or not math.isfinite(growth):
        return math.nan
    if growth <= 0:
        return -1.0
    try:
        return math.exp(math.log(growth) / years) - 1.0
    except OverflowError:
        return math.inf


def sharpe_ratio(returns: np.ndarray, periods_per_year: float) -> float:
    """Annualised Sharpe ratio of per-bar returns (risk-free rate 0)."""
    if len(returns) < 2:
        return 0.0
    mean, std = float(np.mean(returns)), float(np.std(returns, ddof=1))
    if std == 0 or std < STEADY * abs(mean):
        return 0.0
    return mean / std * math.sqrt(periods_per_year)


def sortino_ratio(returns: np.ndarray, periods_per_year: float) -> float:
    """Annualised Sortino ratio: downside deviation against 0 over all bars."""
    if len(returns) == 0:
        return 0.0
    mean = float(np.mean(returns))
    downside = float(np.sqrt(np.mean(np.minimum(returns, 0.0) ** 2)))
    if downside == 0:
        return math.inf if mean > 0 else 0.0
    return mean / downside * math.sqrt(periods_per_year)


def max_drawdown(values: np.ndarray) -> float:
    """Largest fall from a running peak, as a positive fraction of that peak."""
    if len(values) == 0:
        return 0.0
    peaks = np.maximum.accumulate(values)
    with np.errstate(divide="ignore", invalid="ignore"):
        drawdowns = 1.0 - values / peaks
    return float(np.nanmax(drawdowns)) if not np.all(np.isnan(drawdowns)) else math.nan


def win_rate(trades: Sequence[Mapping[str, Any]]) -> float:
    """Share of closed trades with a positive net profit (after commission); NaN if none."""
    if not trades:
        return math.nan
    wins = sum(1 for trade in trades if trade.get("pnlcomm", trade.get("pnl", 0.0)) > 0)
    return wins / len(trades)
