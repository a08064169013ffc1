"""Bars from CSV or Parquet files in one folder.

Naming: one file per symbol and timeframe, ``<BASE>-<QUOTE>_<timeframe>.csv`` or ``.parquet``,
e.g. ``BTC-USDT_1d.csv`` or ``ETH-BTC_4h.parquet`` (the symbol's ``/`` becomes ``-``; the
symbol and timeframe come from the name, not from columns). Having both a CSV and a Parquet file
for the same pair is an error rather than a silent choice.

Columns (matched case-insensitively; extra columns are ignored):

* timestamp, the bar's open time: ``ts``, ``timestamp``, ``time``, ``date``, ``datetime``,
  ``open_time``. Integers are epoch milliseconds, or epoch seconds when every value is below
  1e11 (which as milliseconds would be before March 1973); strings are ISO dates or date-times,
  UTC when they carry no offset; typed dates and date-times are taken as UTC when naive.
* ``open``/``o``, ``high``/``h``, ``low``/``l``, ``close``/``c``, ``volume``/``vol``/``v``.

A file must have strictly increasing timestamps and no missing or NaN values; anything else
raises :class:`MarketDataError` naming the file and the problem. The value rules (high/low
against open/close, positive prices, gaps) are left to :mod:`cs_pipelines.market.checks`.
"""

from __future__ import annotations

from pathlib import Path

import polars as pl

from cs_pipelines.market.schema import (
    BARS_SCHEMA,
    VALUE_COLUMNS,
    MarketDataError,
    conform,
)

SUFFIXES = (".csv", ".parquet")
ALIASES: dict[str, tuple[str, ...]] = {
    "ts": ("ts", "timestamp", "time", "date", "datetime", "open_time"),
    "open": ("open", "o"),
    "high": ("high", "h"),
    "low": ("low", "l"),
    "close": ("close", "c"),
    "volume": ("volume", "vol", "v"),
}
_SECONDS_BELOW = 100_000_000_000  # 1e11: as ms, March 1973; as seconds, year 5138
_TS = BARS_SCHEMA["ts"]


def file_stem(symbol: str, timeframe: str) -> str:
    """``("BTC/USDT", "1d")`` -> ``"BTC-USDT_1d"``."""
    return f"{symbol.replace('/', '-')}_{timeframe}"


def find_file(folder: Path, symbol: str, timeframe: str) -> Path:
    """The one CSV or Parquet file holding ``symbol`` at ``timeframe``."""
    stem = file_stem(symbol, timeframe)
    found = [
        folder / f"{stem}{suffix}" for suffix in SUFFIXES if (folder / f"{stem}{suffix}").is_file()
    ]
    if not found:
        raise MarketDataError(
            f"no file for {symbol} {timeframe}: expected {folder / stem}.csv or .parquet"
        )
    if len(found) > 1:
        raise MarketDataError(f"both {found[0]} and {found[1]} hold {symbol} {timeframe}; keep one")
    return found[0]


def load_files(
    folder: Path, symbols: list[str], timeframes: list[str], start_ms: int, end_ms: int
) -> pl.DataFrame:
    """Bars of every symbol and timeframe with ``start_ms <= ts < end_ms``, from ``folder``."""
    if not folder.is_dir():
        raise MarketDataError(f"market data folder {folder} does not exist")
    frames = []
    for symbol in symbols:
        for timeframe in timeframes:
            path = find_file(folder, symbol, timeframe)
            bars = read_bars_file(path, symbol, timeframe)
            frames.append(_in_range(bars, path, start_ms, end_ms))
    return conform(pl.concat(frames))


def read_bars_file(
    path: Path, symbol: str, timeframe: str, *, volume_optional: bool = False
) -> pl.DataFrame:
    """One file's bars with the bars schema; :class:`MarketDataError` naming ``path`` if bad.
    ``volume_optional``: a file without a volume column gets volume 0."""
    raw = _read(path)
    if volume_optional and not any(a in _lower_columns(raw) for a in ALIASES["volume"]):
        raw = raw.with_columns(volume=pl.lit(0.0))
    columns = {name: _find_column(raw, name, path) for name in ALIASES}
    bars = pl.DataFrame(
        {
            "symbol": pl.Series([symbol] * raw.height, dtype=pl.String),
            "timeframe": pl.Series([timeframe] * raw.height, dtype=pl.String),
            "ts": _timestamps(raw[columns["ts"]], path),
            **{name: _numbers(raw[columns[name]], path) for name in VALUE_COLUMNS},
        }
    )
    _require_complete(bars, path)
    _require_increasing(bars, path)
    return bars


def write_bars_files(df: pl.DataFrame, folder: Path, fmt: str = "csv") -> list[Path]:
    """Write ``df`` as one file per (symbol, timeframe), named as :func:`load_files` expects.

    CSV timestamps are ISO strings in UTC; Parquet keeps the typed column.
    """
    if fmt not in ("csv", "parquet"):
        raise MarketDataError(f"unknown file format {fmt!r}: csv or parquet")
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for (symbol, timeframe), part in conform(df).group_by(
        "symbol", "timeframe", maintain_order=True
    ):
        path = folder / f"{file_stem(str(symbol), str(timeframe))}.{fmt}"
        bars = part.drop("symbol", "timeframe")
        if fmt == "csv":
            bars.write_csv(path)
        else:
            bars.write_parquet(path)
        paths.append(path)
    return paths


def _read(path: Path) -> pl.DataFrame:
    try:
        if path.suffix == ".parquet":
            return pl.read_parquet(path)
        return pl.read_csv(path, infer_schema_length=None)
    except (pl.exceptions.PolarsError, OSError) as exc:
        raise MarketDataError(f"{path}: cannot be read: {exc}") from exc


def _lower_columns(raw: pl.DataFrame) -> dict[str, str]:
    return {column.strip().lower(): column for column in raw.columns}


def _find_column(raw: pl.DataFrame, name: str, path: Path) -> str:
    by_lower = _lower_columns(raw)
    for alias in ALIASES[name]:
        if alias in by_lower:
            return by_lower[alias]
    accepted = ", ".join(ALIASES[name])
    raise MarketDataError(f"{path}: missing column {name!r} (accepted names: {accepted})")


def _timestamps(column: pl.Series, path: Path) -> pl.Series:
    dtype = column.dtype
    try:
        if dtype.is_integer() or dtype.is_float():
            return _epoch_to_datetime(column)
        if dtype == pl.String:
            return column.str.to_datetime(time_unit="ms", time_zone="UTC")
        if dtype == pl.Date or isinstance(dtype, pl.Datetime):
            return _as_utc(column)
    except pl.exceptions.PolarsError as exc:
        raise MarketDataError(f"{path}: unreadable timestamps in {column.name!r}: {exc}") from exc
    raise MarketDataError(f"{path}: timestamp column {column.name!r} has type {dtype}")


def _epoch_to_datetime(column: pl.Series) -> pl.Series:
    values = column.cast(pl.Float64)
    top = values.abs().max()
    scale = 1000.0 if top is not None and top < _SECONDS_BELOW else 1.0
    millis = (values * scale).round().cast(pl.Int64)
    return millis.cast(pl.Datetime("ms")).dt.replace_time_zone("UTC")


def _as_utc(column: pl.Series) -> pl.Series:
    if column.dtype == pl.Date:
        column = column.cast(pl.Datetime("ms"))
    if getattr(column.dtype, "time_zone", None) is None:
        column = column.dt.replace_time_zone("UTC")
    return column.cast(_TS)


def _numbers(column: pl.Series, path: Path) -> pl.Series:
    try:
        return column.cast(pl.Float64)
    except pl.exceptions.PolarsError as exc:
        raise MarketDataError(f"{path}: non-numeric values in column {column.name!r}") from exc


def _require_complete(bars: pl.DataFrame, path: Path) -> None:
    for name in ("ts", *VALUE_COLUMNS):
        column = bars[name]
        bad = column.is_null()
        if column.dtype == pl.Float64:
            bad = (bad | column.is_nan()).fill_null(True)
        count = int(bad.sum())
        if count:
            first = int(bad.arg_true()[0]) + 1
            raise MarketDataError(
                f"{path}: {count} missing or NaN value(s) in {name!r}, first at data row {first}"
            )


def _require_increasing(bars: pl.DataFrame, path: Path) -> None:
    steps = bars["ts"].diff().dt.total_milliseconds()
    bad = (steps <= 0).fill_null(False)
    if bad.any():
        row = int(bad.arg_true()[0])
        previous, current = bars["ts"][row - 1], bars["ts"][row]
        problem = "repeats" if previous == current else "is before"
        raise MarketDataError(
            f"{path}: timestamps must increase: data row {row + 1} ({current}) {problem} "
            f"data row {row} ({previous})"
        )


def _in_range(bars: pl.DataFrame, path: Path, start_ms: int, end_ms: int) -> pl.DataFrame:
    ms = pl.col("ts").dt.epoch("ms")
    kept = bars.filter((ms >= start_ms) & (ms < end_ms))
    if kept.is_empty():
        first, last = bars["ts"].min(), bars["ts"].max()
        raise MarketDataError(
            f"{path}: no bars in the configured range (the file covers {first} to {last})"
        )
    return kept
