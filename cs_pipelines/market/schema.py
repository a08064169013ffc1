"""The shape of market data: one row per bar, several symbols and timeframes in one frame.

Every source returns frames with :data:`BARS_SCHEMA`, sorted by (symbol, timeframe, ts). ``ts``
is the bar's open time (the ccxt convention), UTC, millisecond precision.
"""

from __future__ import annotations

import re

import polars as pl


class MarketDataError(ValueError):
    """Bad market data or settings; the message names the file, symbol or field at fault."""


BARS_SCHEMA: dict[str, pl.DataType] = {
    "symbol": pl.String(),  # ccxt spelling: BASE/QUOTE, e.g. BTC/USDT
    "timeframe": pl.String(),  # ccxt spelling: 1m, 5m, 1h, 4h, 1d, 1w
    "ts": pl.Datetime("ms", "UTC"),  # bar open time
    "open": pl.Float64(),
    "high": pl.Float64(),
    "low": pl.Float64(),
    "close": pl.Float64(),
    "volume": pl.Float64(),  # in units of the base currency, as exchanges report it
}

REQUIRED_COLUMNS: tuple[str, ...] = tuple(BARS_SCHEMA)
PRICE_COLUMNS: tuple[str, ...] = ("open", "high", "low", "close")
VALUE_COLUMNS: tuple[str, ...] = (*PRICE_COLUMNS, "volume")
BAR_KEY: tuple[str, ...] = ("symbol", "timeframe", "ts")

_UNIT_MS = {"m": 60_000, "h": 3_600_000, "d": 86_400_000, "w": 7 * 86_400_000}
_TIMEFRAME = re.compile(r"^([1-9][0-9]*)([mhdw])$")
DAY_MS = _UNIT_MS["d"]


def timeframe_ms(timeframe: str) -> int:
    """The length of one bar in milliseconds (``"4h"`` -> 14_400_000).

    Months (``1M``) are not supported: they have no fixed length.
    """
    match = _TIMEFRAME.match(timeframe)
    if match is None:
        raise MarketDataError(
            f"unknown timeframe {timeframe!r}: expected a number and one of m, h, d, w "
            "(e.g. 15m, 1h, 4h, 1d, 1w)"
        )
    return int(match.group(1)) * _UNIT_MS[match.group(2)]


def empty_bars() -> pl.DataFrame:
    return pl.DataFrame(schema=BARS_SCHEMA)


def conform(df: pl.DataFrame) -> pl.DataFrame:
    """``df`` with exactly the schema's columns, in order and cast, sorted by the bar key."""
    missing = [name for name in REQUIRED_COLUMNS if name not in df.columns]
    if missing:
        raise MarketDataError(f"bars frame lacks column(s) {missing}")
    exprs = [pl.col(name).cast(dtype) for name, dtype in BARS_SCHEMA.items()]
    return df.select(exprs).sort(BAR_KEY)
