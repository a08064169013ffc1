"""Data-quality rules for bars, evaluated per (symbol, timeframe).

Order rules (monotonic, unique) read the frame's row order; the gap rule reads the bars in
time order, so a pair of swapped rows is reported once, as an order problem, not as gaps too.

:func:`validate_bars` returns one :class:`Violation` per offending bar and rule, an empty list
for clean data. A row with a missing value is reported only by ``no_nan``: the value rules skip
it rather than compare against NaN.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import polars as pl

from cs_pipelines.market.schema import (
    PRICE_COLUMNS,
    REQUIRED_COLUMNS,
    VALUE_COLUMNS,
    MarketDataError,
    timeframe_ms,
)

RULES: dict[str, str] = {
    "schema": "the frame has every bar column",
    "monotonic_timestamps": "timestamps increase within each (symbol, timeframe)",
    "unique_timestamps": "no timestamp repeats within each (symbol, timeframe)",
    "max_gap": "no more than max_gap_bars bars missing in a row",
    "high_ge_open_close": "high >= max(open, close)",
    "low_le_open_close": "low <= min(open, close)",
    "positive_prices": "open, high, low and close > 0",
    "non_negative_volume": "volume >= 0",
    "no_nan": "no NaN or null in ts, prices or volume",
}


@dataclass(frozen=True)
class Violation:
    """One bar breaking one rule (``ts`` is None where the bar has no timestamp)."""

    rule: str
    symbol: str
    timeframe: str
    ts: datetime | None
    detail: str


VIOLATIONS_SCHEMA: dict[str, pl.DataType] = {
    "rule": pl.String(),
    "symbol": pl.String(),
    "timeframe": pl.String(),
    "ts": pl.Datetime("ms", "UTC"),
    "detail": pl.String(),
}


def validate_bars(df: pl.DataFrame, max_gap_bars: int = 0) -> list[Violation]:
    """Every violation of :data:`RULES` in ``df``; ``[]`` when the bars are clean."""
    missing = [name for name in REQUIRED_COLUMNS if name not in df.columns]
    if missing:
        return [Violation("schema", "", "", None, f"missing column(s) {missing}")]
    frame = _with_previous_ts(df)
    found: list[Violation] = []
    for rule, condition, detail in _row_rules(max_gap_bars):
        offending = frame.filter(condition.fill_null(False))
        found.extend(_as_violations(rule, offending, detail))
    found.extend(_unknown_timeframes(df))
    return found


def violations_frame(violations: list[Violation]) -> pl.DataFrame:
    """The violations as a frame (for asset-check metadata and previews)."""
    rows = [vars(v) for v in violations]
    return pl.DataFrame(rows, schema=VIOLATIONS_SCHEMA, orient="row")


def count_by_rule(violations: list[Violation]) -> dict[str, int]:
    """How many bars break each rule, every rule listed (zero where clean)."""
    counts = dict.fromkeys(RULES, 0)
    for violation in violations:
        counts[violation.rule] += 1
    return counts


def _with_previous_ts(df: pl.DataFrame) -> pl.DataFrame:
    """Adds the previous bar's ts in row order (for order rules) and in time order (for gaps)."""
    group = ["symbol", "timeframe"]
    lengths = {tf: _bar_ms_or_none(tf) for tf in df["timeframe"].drop_nulls().unique()}
    bar_ms = pl.col("timeframe").replace_strict(lengths, default=None, return_dtype=pl.Int64)
    in_time_order = (
        df.with_row_index("_row")
        .sort("symbol", "timeframe", "ts", nulls_last=True)
        .with_columns(_earlier_ts=pl.col("ts").shift(1).over(group))
        .sort("_row")
    )
    return in_time_order.with_columns(
        _prev_ts=pl.col("ts").shift(1).over(group),
        _bar_ms=bar_ms,
        _complete=pl.all_horizontal(
            pl.col("ts").is_not_null(),
            *[pl.col(c).is_not_null() & pl.col(c).is_not_nan() for c in VALUE_COLUMNS],
        ),
    ).with_columns(
        _step_ms=(pl.col("ts") - pl.col("_prev_ts")).dt.total_milliseconds(),
        _gap_ms=(pl.col("ts") - pl.col("_earlier_ts")).dt.total_milliseconds(),
    )


def _row_rules(max_gap_bars: int) -> list[tuple[str, pl.Expr, pl.Expr]]:
    """(rule, condition selecting offending rows, detail text) for every row-level rule."""
    complete = pl.col("_complete")
    step, bar = pl.col("_step_ms"), pl.col("_bar_ms")
    missing_bars = (pl.col("_gap_ms") // bar - 1).cast(pl.Int64)
    top = pl.max_horizontal("open", "close")
    bottom = pl.min_horizontal("open", "close")
    prices = pl.format(", ".join(f"{c}={{}}" for c in PRICE_COLUMNS), *PRICE_COLUMNS)
    return [
        (
            "monotonic_timestamps",
            step < 0,
            pl.format("ts before the previous bar's {}", "_prev_ts"),
        ),
        ("unique_timestamps", step == 0, pl.lit("ts repeats the previous bar's")),
        (
            "max_gap",
            missing_bars > max_gap_bars,
            pl.format(
                "{} bars missing since {} (tolerance {})",
                missing_bars,
                "_earlier_ts",
                pl.lit(max_gap_bars),
            ),
        ),
        ("high_ge_open_close", complete & (pl.col("high") < top), prices),
        ("low_le_open_close", complete & (pl.col("low") > bottom), prices),
        (
            "positive_prices",
            complete & pl.any_horizontal([pl.col(c) <= 0 for c in PRICE_COLUMNS]),
            prices,
        ),
        (
            "non_negative_volume",
            complete & (pl.col("volume") < 0),
            pl.format("volume={}", "volume"),
        ),
        ("no_nan", ~complete, _missing_fields()),
    ]


def _missing_fields() -> pl.Expr:
    flags = [
        pl.when(pl.col("ts").is_null()).then(pl.lit("ts")),
        *[pl.when(pl.col(c).is_null() | pl.col(c).is_nan()).then(pl.lit(c)) for c in VALUE_COLUMNS],
    ]
    return pl.format("missing {}", pl.concat_str(flags, separator=" ", ignore_nulls=True))


def _as_violations(rule: str, rows: pl.DataFrame, detail: pl.Expr) -> list[Violation]:
    if rows.is_empty():
        return []
    out = rows.select("symbol", "timeframe", "ts", detail.alias("_detail"))
    return [
        Violation(rule, symbol, timeframe, ts, text)
        for symbol, timeframe, ts, text in out.iter_rows()
    ]


def _unknown_timeframes(df: pl.DataFrame) -> list[Violation]:
    names = df["timeframe"].drop_nulls().unique().to_list()
    return [
        Violation("max_gap", "", tf, None, f"unknown timeframe {tf!r}: gaps not checked")
        for tf in sorted(names)
        if _bar_ms_or_none(tf) is None
    ]


def _bar_ms_or_none(timeframe: str) -> int | None:
    try:
        return timeframe_ms(timeframe)
    except MarketDataError:
        return None
