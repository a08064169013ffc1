"""Market data: OHLCV bars for several symbols and timeframes from pluggable sources.

Plain Python and Polars; no Dagster. Entry point: :func:`load_market_data`, which reads a
:class:`MarketDataConfig` and returns bars with :data:`BARS_SCHEMA`. Sources:

* ``synthetic`` (default, offline, seeded): :mod:`cs_pipelines.market.synthetic`;

:func:`validate_bars` checks the result; :func:`to_backtrader_frame` hands one series to
backtrader.
"""

from __future__ import annotations

from typing import Any

import polars as pl

from cs_pipelines.market.backtrader_feed import to_backtrader_frame
from cs_pipelines.market.checks import (
    RULES,
    Violation,
    count_by_rule,
    validate_bars,
    violations_frame,
)
from cs_pipelines.market.config import SOURCES, MarketDataConfig
from cs_pipelines.market.schema import (
    BARS_SCHEMA,
    REQUIRED_COLUMNS,
    MarketDataError,
    timeframe_ms,
)
from cs_pipelines.market.synthetic import generate_bars


def load_market_data(
    config: MarketDataConfig, existing: pl.DataFrame | None = None, **ccxt_options: Any
) -> pl.DataFrame:
    """Bars for ``config``'s symbols and timeframes from ``config.source``."""
    symbols, timeframes = config.symbol_list(), config.timeframe_list()
    if config.source == "synthetic":
        start_ms, end_ms = config.range_ms()
        return generate_bars(symbols, timeframes, start_ms, end_ms, config.seed)
    raise MarketDataError(f"unknown market data source {config.source!r}: one of {SOURCES}")


__all__ = [
    "BARS_SCHEMA",
    "REQUIRED_COLUMNS",
    "RULES",
    "SOURCES",
    "MarketDataConfig",
    "MarketDataError",
    "Violation",
    "count_by_rule",
    "generate_bars",
    "load_market_data",
    "timeframe_ms",
    "to_backtrader_frame",
    "validate_bars",
    "violations_frame",
]
