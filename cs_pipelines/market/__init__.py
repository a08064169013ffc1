"""Market data: OHLCV bars for several symbols and timeframes from pluggable sources.

Plain Python and Polars; no Dagster. Entry point: :func:`load_market_data`, which reads a
:class:`MarketDataConfig` and returns bars with :data:`BARS_SCHEMA`. Sources:

* ``synthetic`` (default, offline, seeded): :mod:`cs_pipelines.market.synthetic`;
* ``files``: CSV or Parquet files in a folder, :mod:`cs_pipelines.market.files`;
* ``ccxt``: an exchange, incrementally, :mod:`cs_pipelines.market.ccxt_source`.

:func:`validate_bars` checks the result; :func:`to_backtrader_frame` hands one series to
backtrader.
"""

from __future__ import annotations

from typing import Any

import polars as pl

from cs_pipelines.market.backtrader_feed import to_backtrader_frame
from cs_pipelines.market.ccxt_source import fetch_ccxt
from cs_pipelines.market.checks import (
    RULES,
    Violation,
    count_by_rule,
    validate_bars,
    violations_frame,
)
from cs_pipelines.market.config import SOURCES, MarketDataConfig
from cs_pipelines.market.files import load_files, write_bars_files
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
    """Bars for ``config``'s symbols and timeframes from ``config.source``.

    ``existing`` (the bars stored so far) is used by the ccxt source only, which then fetches
    just the newer bars; the other sources rebuild everything, cheaply. ``ccxt_options`` go to
    :func:`fetch_ccxt` (an injected exchange, sleep function and the like).
    """
    symbols, timeframes = config.symbol_list(), config.timeframe_list()
    if config.source == "synthetic":
        start_ms, end_ms = config.range_ms()
        return generate_bars(symbols, timeframes, start_ms, end_ms, config.seed)
    if config.source == "files":
        start_ms, end_ms = config.range_ms()
        return load_files(config.files_path(), symbols, timeframes, start_ms, end_ms)
    if config.source == "ccxt":
        return fetch_ccxt(config, existing, **ccxt_options)
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
    "fetch_ccxt",
    "generate_bars",
    "load_files",
    "load_market_data",
    "timeframe_ms",
    "to_backtrader_frame",
    "validate_bars",
    "violations_frame",
    "write_bars_files",
]
