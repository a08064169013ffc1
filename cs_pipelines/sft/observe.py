"""What a strategy did in its backtest, for the spec checks; and the probe bars.

A spec needs more than metrics and closed trades: the bars on which a position changes, the
order types placed, whether the strategy ever went short, how large a position was when it was
opened or grown, and what ``self.records`` holds. The verified backtest measures all but the
last on the host, from its replay of the strategy's decisions (``BacktestResult.activity``), so
a candidate cannot claim a behaviour it did not have; ``self.records`` is the strategy's own
account by definition (``BacktestResult.records``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import polars as pl

from cs_pipelines.backtest import BacktestResult
from cs_pipelines.market import MarketDataConfig, load_market_data

PROBE_SYMBOLS = ("BTC/USDT", "ETH/USDT")
PROBE_TIMEFRAME = "1d"


def observe(result: BacktestResult) -> dict[str, Any] | None:
    """The spec checks' view of a backtest (None when it did not run to the end): ``signals``
    (per feed, the bars of every position change), ``n_signals``, ``truncated`` (more changes
    than listed), ``order_types``, ``short_bar``, ``max_fraction`` and ``records``."""
    if not result.ok or not result.activity:
        return None
    activity = result.activity
    signals = activity["changes"]
    return {
        "signals": signals,
        "n_signals": activity["n_changes"],
        "truncated": activity["n_changes"] > sum(map(len, signals)),
        "order_types": activity["order_types"],
        "short_bar": activity["short_bar"],
        "max_fraction": activity["max_fraction"],
        "records": result.records,
    }


def probe_bars(
    market_data: pl.DataFrame | None = None,
    symbols: Sequence[str] = PROBE_SYMBOLS,
    timeframe: str = PROBE_TIMEFRAME,
) -> dict[str, pl.DataFrame]:
    """The probe feeds, ``symbol -> bars`` in order: by default the daily BTC/USDT and ETH/USDT
    bars of the default (synthetic, seeded) market data. Single-feed tasks use the first."""
    if market_data is None:
        market_data = load_market_data(MarketDataConfig())
    feeds = {}
    for symbol in symbols:
        bars = market_data.filter(symbol=symbol, timeframe=timeframe).sort("ts")
        if bars.is_empty():
            raise ValueError(f"no {symbol} {timeframe} bars for the probe")
        feeds[symbol] = bars.select("ts", "open", "high", "low", "close", "volume")
    return feeds


def feeds_for(bars: Mapping[str, pl.DataFrame], n_feeds: int) -> dict[str, pl.DataFrame]:
    """The first ``n_feeds`` probe feeds."""
    if n_feeds > len(bars):
        raise ValueError(f"a task needs {n_feeds} feeds; the probe has {len(bars)}")
    return dict(list(bars.items())[:n_feeds])
