"""Bars in, plain columns out: what a backtest program embeds for its data feeds.

Accepted bars: a Polars DataFrame (or LazyFrame) with a ``ts`` column (Datetime, any time zone,
naive read as UTC; or Date) and ``open``, ``high``, ``low``, ``close`` and optionally ``volume``
(0 when absent); or a pandas DataFrame with a DatetimeIndex and those columns (any case). For
several feeds (pairs strategies), a mapping ``name -> bars``: the first is ``datas[0]``.

A feed becomes ``{"t": [epoch ms], "o": [...], "h": [...], "l": [...], "c": [...], "v": [...]}``
sorted by time; floats pass through JSON unchanged (shortest round-trip repr), so the sandbox
sees exactly the host's numbers.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
import polars as pl

PRICES = ("open", "high", "low", "close")
KEYS = {"open": "o", "high": "h", "low": "l", "close": "c", "volume": "v"}
SINGLE_FEED = "data"
DAY_MS = 86_400_000

Columns = dict[str, list[Any]]


def feed_columns(bars: Any) -> dict[str, Columns]:
    """``name -> columns`` for one frame (named ``data``) or a mapping of frames."""
    if isinstance(bars, Mapping):
        if not bars:
            raise ValueError("no bars: the mapping of feeds is empty")
        return {str(name): to_columns(frame, str(name)) for name, frame in bars.items()}
    return {SINGLE_FEED: to_columns(bars, SINGLE_FEED)}


def to_columns(bars: Any, name: str = SINGLE_FEED) -> Columns:
    frame = _as_polars(bars, name)
    missing = [c for c in ("ts", *PRICES) if c not in frame.columns]
    if missing:
        raise ValueError(f"bars {name!r}: missing column(s) {missing}; have {frame.columns}")
    if "volume" not in frame.columns:
        frame = frame.with_columns(volume=pl.lit(0.0))
    frame = frame.select(
        t=_epoch_ms(frame["ts"], name), **{c: pl.col(c).cast(pl.Float64) for c in KEYS}
    ).sort("t")
    _validate(frame, name)
    return {"t": frame["t"].to_list(), **{KEYS[c]: frame[c].to_list() for c in KEYS}}


def _as_polars(bars: Any, name: str) -> pl.DataFrame:
    if isinstance(bars, pl.LazyFrame):
        return bars.collect()
    if isinstance(bars, pl.DataFrame):
        return bars
    if type(bars).__module__.startswith("pandas") and hasattr(bars, "index"):
        return _from_pandas(bars)
    raise TypeError(
        f"bars {name!r}: expected a Polars frame with a ts column or a pandas DataFrame with a "
        f"DatetimeIndex, got {type(bars).__name__}"
    )


def _from_pandas(frame: Any) -> pl.DataFrame:
    """Through NumPy only (pandas itself is optional); a tz-aware index is converted to UTC."""
    index = frame.index
    if getattr(index, "tz", None) is not None:
        index = index.tz_convert(None)
    index = np.asarray(index.to_numpy())
    if not np.issubdtype(index.dtype, np.datetime64):
        raise ValueError("pandas bars need a DatetimeIndex")
    columns = {str(c).lower(): c for c in frame.columns}
    data = {"ts": index.astype("datetime64[ms]")}
    for column in KEYS:
        if column in columns:
            data[column] = np.asarray(frame[columns[column]].to_numpy(), dtype=np.float64)
    return pl.DataFrame(data)


def _epoch_ms(ts: pl.Series, name: str) -> pl.Series:
    if ts.dtype == pl.Date:
        ts = ts.cast(pl.Datetime("ms"))
    if not isinstance(ts.dtype, pl.Datetime):
        raise ValueError(f"bars {name!r}: ts must be a Datetime or Date column, not {ts.dtype}")
    return ts.dt.epoch("ms")


def _validate(frame: pl.DataFrame, name: str) -> None:
    if frame.height == 0:
        raise ValueError(f"bars {name!r}: no rows")
    if frame.null_count().sum_horizontal().item():
        raise ValueError(f"bars {name!r}: null values")
    if not frame.select(pl.col(PRICES).is_finite().all()).row(0) == (True,) * len(PRICES):
        raise ValueError(f"bars {name!r}: NaN or infinite prices")
    if frame["t"].is_duplicated().any():
        raise ValueError(f"bars {name!r}: duplicate timestamps")


def timeframe(epoch_ms: list[int]) -> tuple[str, int]:
    """backtrader's (TimeFrame name, compression) for the median bar spacing."""
    if len(epoch_ms) < 2:
        return "Days", 1
    gap = int(np.median(np.diff(np.asarray(epoch_ms, dtype=np.int64))))
    for unit, size in (("Days", DAY_MS), ("Minutes", 60_000), ("Seconds", 1000)):
        if gap >= size and gap % size == 0:
            return unit, gap // size
    return "Seconds", max(1, gap // 1000)


def periods_per_year(epoch_ms: list[int]) -> float:
    """Bars per 365-day year from the median spacing: 365 for daily bars, 8760 for hourly."""
    if len(epoch_ms) < 2:
        return 365.0
    gap = float(np.median(np.diff(np.asarray(epoch_ms, dtype=np.int64))))
    return 365 * DAY_MS / gap if gap > 0 else 365.0
