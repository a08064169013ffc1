"""Every rule of validate_bars catches a hand-made violation and nothing else."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import polars as pl
import pytest

from cs_pipelines.market import (
    BARS_SCHEMA,
    RULES,
    count_by_rule,
    validate_bars,
    violations_frame,
)

START = datetime(2024, 1, 1, tzinfo=UTC)
NAN = float("nan")


def clean_bars(n: int = 6, symbol: str = "BTC/USDT", timeframe: str = "1h") -> pl.DataFrame:
    """``n`` valid hourly bars: open 100 + i, close 101 + i, high and low 1 beyond."""
    rows = [
        {
            "symbol": symbol,
            "timeframe": timeframe,
            "ts": START + timedelta(hours=i),
            "open": 100.0 + i,
            "high": 102.0 + i,
            "low": 99.0 + i,
            "close": 101.0 + i,
            "volume": 10.0,
        }
        for i in range(n)
    ]
    return pl.DataFrame(rows, schema=BARS_SCHEMA)


def set_value(df: pl.DataFrame, row: int, column: str, value: object) -> pl.DataFrame:
    values = df[column].to_list()
    values[row] = value
    return df.with_columns(pl.Series(column, values, dtype=df[column].dtype))


def drop_row(df: pl.DataFrame, row: int) -> pl.DataFrame:
    return df.with_row_index().filter(pl.col("index") != row).drop("index")


def swap_rows(df: pl.DataFrame, a: int, b: int) -> pl.DataFrame:
    order = list(range(df.height))
    order[a], order[b] = order[b], order[a]
    return df[order]


def test_clean_bars_have_no_violations() -> None:
    two_series = pl.concat([clean_bars(), clean_bars(symbol="ETH/USDT", timeframe="4h")])
    assert validate_bars(two_series) == []
    assert count_by_rule([]) == dict.fromkeys(RULES, 0)


CASES: list[tuple[str, Callable[[pl.DataFrame], pl.DataFrame], int]] = [
    ("monotonic_timestamps", lambda df: swap_rows(df, 2, 3), 3),
    ("unique_timestamps", lambda df: pl.concat([df[:3], df[2:]]), 3),
    ("max_gap", lambda df: drop_row(df, 3), 3),
    ("high_ge_open_close", lambda df: set_value(df, 4, "high", 100.5 + 4), 4),
    ("low_le_open_close", lambda df: set_value(df, 1, "low", 100.5 + 1), 1),
    ("positive_prices", lambda df: set_value(df, 2, "low", 0.0), 2),
    ("positive_prices", lambda df: set_value(df, 2, "low", -1.0), 2),
    ("non_negative_volume", lambda df: set_value(df, 5, "volume", -1.0), 5),
    ("no_nan", lambda df: set_value(df, 2, "close", NAN), 2),
    ("no_nan", lambda df: set_value(df, 2, "volume", None), 2),
]


@pytest.mark.parametrize(("rule", "break_bars", "row"), CASES)
def test_each_rule_catches_its_violation(
    rule: str, break_bars: Callable[[pl.DataFrame], pl.DataFrame], row: int
) -> None:
    bars = break_bars(clean_bars())
    found = validate_bars(bars)
    assert [v.rule for v in found] == [rule], found
    violation = found[0]
    assert (violation.symbol, violation.timeframe) == ("BTC/USDT", "1h")
    assert violation.ts == bars["ts"][row]
    assert violation.detail


def test_rules_are_per_symbol_and_timeframe() -> None:
    """Interleaved series are each increasing; a shared timestamp is no repeat."""
    btc, eth = clean_bars(), clean_bars(symbol="ETH/USDT")
    daily = clean_bars(timeframe="1d").with_columns(
        ts=pl.Series([START + timedelta(days=i) for i in range(6)], dtype=BARS_SCHEMA["ts"])
    )
    interleaved = pl.concat([btc, eth, daily]).sort("ts", maintain_order=True)
    assert validate_bars(interleaved) == []


def test_gap_tolerance_counts_missing_bars() -> None:
    two_missing = drop_row(drop_row(clean_bars(8), 3), 3)
    assert [v.rule for v in validate_bars(two_missing, max_gap_bars=1)] == ["max_gap"]
    assert "2 bars missing" in validate_bars(two_missing)[0].detail
    assert validate_bars(two_missing, max_gap_bars=2) == []


def test_a_nan_row_is_reported_once() -> None:
    """The value rules skip rows with a missing value rather than compare against NaN."""
    bars = set_value(set_value(clean_bars(), 2, "high", NAN), 2, "low", None)
    found = validate_bars(bars)
    assert [v.rule for v in found] == ["no_nan"]
    assert found[0].detail == "missing high low"


def test_a_bar_without_timestamp_leaves_a_gap() -> None:
    found = validate_bars(set_value(clean_bars(), 2, "ts", None))
    assert [(v.rule, v.ts) for v in found] == [
        ("max_gap", START + timedelta(hours=3)),
        ("no_nan", None),
    ]
    assert found[1].detail == "missing ts"


def test_missing_columns_and_unknown_timeframes_are_reported() -> None:
    assert [v.rule for v in validate_bars(clean_bars().drop("volume"))] == ["schema"]
    odd = validate_bars(clean_bars(timeframe="1M"))
    assert [(v.rule, v.timeframe) for v in odd] == [("max_gap", "1M")]


def test_violations_as_a_frame_and_counts() -> None:
    bars = set_value(set_value(clean_bars(), 1, "close", -5.0), 4, "open", NAN)
    found = validate_bars(bars)
    frame = violations_frame(found)
    assert frame.columns == ["rule", "symbol", "timeframe", "ts", "detail"]
    assert sorted(frame["rule"].to_list()) == ["low_le_open_close", "no_nan", "positive_prices"]
    counts = count_by_rule(found)
    assert counts["positive_prices"] == 1 and counts["no_nan"] == 1
    assert violations_frame([]).is_empty()
