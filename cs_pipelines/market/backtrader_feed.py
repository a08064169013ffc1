"""Bars as the pandas frame that ``backtrader.feeds.PandasData`` reads."""

from __future__ import annotations

import importlib
from typing import Any

import polars as pl

from cs_pipelines.market.schema import VALUE_COLUMNS, MarketDataError


def to_backtrader_frame(df: pl.DataFrame, symbol: str, timeframe: str) -> Any:
    """One symbol and timeframe as a ``pandas.DataFrame`` for ``bt.feeds.PandasData(dataname=)``.

    The index is a naive ``DatetimeIndex`` in UTC named ``datetime`` (backtrader's own dates are
    naive), sorted; the columns are open, high, low, close and volume. Needs pandas.
    """
    bars = df.filter(symbol=symbol, timeframe=timeframe).sort("ts")
    if bars.is_empty():
        raise MarketDataError(f"no {symbol} {timeframe} bars to hand to backtrader")
    try:
        importlib.import_module("pandas")
    except ImportError as exc:
        raise MarketDataError("to_backtrader_frame needs pandas: pip install pandas") from exc
    frame = bars.select(
        pl.col("ts").dt.replace_time_zone(None).alias("datetime"), *VALUE_COLUMNS
    ).to_pandas()
    return frame.set_index("datetime")
