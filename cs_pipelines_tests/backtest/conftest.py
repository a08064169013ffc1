"""Bars built in the test (NumPy, fixed seed), strategies as source text, and a sandbox pool
per test module, started with a fake secret in the environment (it must never leak)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta

import numpy as np
import polars as pl
import pytest

from cs_pipelines.sandbox import SandboxPool

FAKE_SECRET = "sk-backtest-DO-NOT-LEAK-0987654321"

SMA_CROSS = """
import backtrader as bt


class SmaCross(bt.Strategy):
    params = (("fast", 10), ("slow", 30))

    def __init__(self):
        fast = bt.indicators.SMA(self.data.close, period=self.p.fast)
        slow = bt.indicators.SMA(self.data.close, period=self.p.slow)
        self.crossover = bt.indicators.CrossOver(fast, slow)

    def next(self):
        if not self.position and self.crossover > 0:
            self.buy()
        elif self.position and self.crossover < 0:
            self.close()
"""


def make_bars(
    n: int = 730, step: timedelta = timedelta(days=1), seed: int = 1, scale: float = 1.0
) -> pl.DataFrame:
    """A geometric random walk from 100 with consistent OHLC, from 2023-01-01 (naive = UTC)."""
    rng = np.random.default_rng(seed)
    close = 100.0 * scale * np.exp(np.cumsum(rng.normal(0.0005, 0.02, n)))
    open_ = np.concatenate([[100.0 * scale], close[:-1]])
    high = np.maximum(open_, close) * (1 + rng.uniform(0, 0.01, n))
    low = np.minimum(open_, close) * (1 - rng.uniform(0, 0.01, n))
    ts = [datetime(2023, 1, 1) + i * step for i in range(n)]
    volume = rng.uniform(10, 100, n)
    return pl.DataFrame(
        {"ts": ts, "open": open_, "high": high, "low": low, "close": close, "volume": volume}
    )


@pytest.fixture(scope="module")
def pool() -> Iterator[SandboxPool]:
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SECRET_TOKEN", FAKE_SECRET)
        with SandboxPool(workers=2) as sandbox_pool:
            yield sandbox_pool


@pytest.fixture(scope="module")
def daily_bars() -> pl.DataFrame:
    return make_bars()
