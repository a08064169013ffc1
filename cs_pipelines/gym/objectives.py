"""What a window's equity curve is worth: the objectives the gym can optimise, each a pure
function of the values (one before the window, then one per scored bar), clipped to
``[-clip, clip]`` so that no single window can dominate a score."""

from __future__ import annotations

import math

import numpy as np

from cs_pipelines.backtest.metrics import max_drawdown, sharpe_ratio, sortino_ratio
from cs_pipelines.gym.config import GymConfig


def objective(values: np.ndarray, periods_per_year: float, config: GymConfig) -> float:
    """The configured objective of an equity (or price) curve."""
    returns = values[1:] / values[:-1] - 1.0
    clip = config.clip
    if config.objective == "sharpe_dd":
        sharpe = _clipped(sharpe_ratio(returns, periods_per_year), clip)
        return sharpe - config.drawdown_penalty * max_drawdown(values)
    if config.objective == "sortino":
        return _clipped(sortino_ratio(returns, periods_per_year), clip)
    if config.objective == "calmar":
        return _clipped(calmar_ratio(values, periods_per_year), clip)
    scale = math.sqrt(periods_per_year)
    return _clipped(differential_sharpe(returns, 1.0 / len(returns)) * scale, clip)


def _clipped(value: float, clip: float) -> float:
    if math.isnan(value):
        return 0.0
    return max(-clip, min(clip, value))


def calmar_ratio(values: np.ndarray, periods_per_year: float) -> float:
    """Annualised return over the maximum drawdown (inf when there was no drawdown and a gain)."""
    growth = values[-1] / values[0]
    annual = growth ** (periods_per_year / (len(values) - 1)) - 1.0 if growth > 0 else -1.0
    drawdown = max_drawdown(values)
    if drawdown == 0:
        return math.inf if annual > 0 else 0.0
    return annual / drawdown


def differential_sharpe(returns: np.ndarray, eta: float) -> float:
    """Mean of Moody and Saffell's differential Sharpe ratio ``D_t`` over the returns, with
    exponential moving estimates ``A`` (mean) and ``B`` (second moment) at rate ``eta``:
    ``D_t = (B dA - A dB / 2) / (B - A^2)^(3/2)``. Steps before the variance estimate is
    positive are skipped."""
    first, second, terms = 0.0, 0.0, []
    for value in returns:
        d_first, d_second = value - first, value * value - second
        variance = second - first * first
        if variance > 1e-18:
            terms.append((second * d_first - 0.5 * first * d_second) / variance**1.5)
        first += eta * d_first
        second += eta * d_second
    return float(np.mean(terms)) if terms else 0.0
