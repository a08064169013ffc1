"""Bars and config: what is accepted, what is refused (before anything runs), and the program."""

from __future__ import annotations

import ast
import calendar
import dataclasses
import json
from datetime import date, timedelta

import numpy as np
import polars as pl
import pytest

from cs_pipelines.backtest import BacktestConfig, build_program
from cs_pipelines.backtest.bars import feed_columns, periods_per_year, timeframe, to_columns
from cs_pipelines_tests.backtest.conftest import SMA_CROSS, make_bars

JAN_1_2023_MS = 1_672_531_200_000


def test_polars_bars_become_sorted_utc_columns() -> None:
    bars = make_bars(5).reverse()  # out of order: sorted by ts
    columns = to_columns(bars)
    assert columns["t"][0] == JAN_1_2023_MS
    assert np.all(np.diff(columns["t"]) == 86_400_000)
    assert columns["c"] == bars.sort("ts")["close"].to_list()  # exactly the same floats
    assert set(columns) == {"t", "o", "h", "l", "c", "v"}


def test_time_zones_dates_and_missing_volume() -> None:
    berlin = make_bars(3).with_columns(pl.col("ts").dt.replace_time_zone("Europe/Berlin"))
    assert to_columns(berlin)["t"][0] == JAN_1_2023_MS - 3_600_000  # midnight CET is 23:00 UTC
    dated = make_bars(3).with_columns(pl.col("ts").dt.date()).drop("volume")
    columns = to_columns(dated)
    assert columns["t"][0] == JAN_1_2023_MS
    assert columns["v"] == [0.0, 0.0, 0.0]
    assert to_columns(make_bars(3).lazy())["t"] == to_columns(make_bars(3))["t"]


@pytest.mark.parametrize(
    ("change", "error", "match"),
    [
        (lambda f: f.drop("close"), ValueError, "missing column"),
        (lambda f: f.head(0), ValueError, "no rows"),
        (lambda f: pl.concat([f, f.head(1)]), ValueError, "duplicate"),
        (lambda f: f.with_columns(close=pl.lit(float("nan"))), ValueError, "NaN"),
        (lambda f: f.with_columns(open=pl.lit(None, pl.Float64)), ValueError, "null"),
        (lambda f: f.with_columns(ts=pl.lit("2023-01-01")), ValueError, "Datetime"),
        (lambda f: f.to_dicts(), TypeError, "Polars frame"),
    ],
)
def test_bad_bars_raise_before_running(change, error, match) -> None:
    with pytest.raises(error, match=match):
        build_program(SMA_CROSS, change(make_bars(5)))


def test_several_feeds_keep_their_names_and_order() -> None:
    feeds = feed_columns({"BTC": make_bars(4), "ETH": make_bars(4, seed=2)})
    assert list(feeds) == ["BTC", "ETH"]
    assert list(feed_columns(make_bars(4))) == ["data"]
    with pytest.raises(ValueError, match="empty"):
        feed_columns({})


def test_pandas_bars_with_a_datetime_index() -> None:
    pd = pytest.importorskip("pandas")
    bars = make_bars(4)
    frame = pd.DataFrame(
        {name.capitalize(): bars[name].to_numpy() for name in ("open", "high", "low", "close")},
        index=pd.DatetimeIndex(bars["ts"].to_list()),
    )
    columns = to_columns(frame)
    assert columns["t"][0] == JAN_1_2023_MS
    assert columns["c"] == bars["close"].to_list()
    assert columns["v"] == [0.0] * 4
    frame.index = frame.index.tz_localize("Europe/Berlin")
    assert to_columns(frame)["t"][0] == JAN_1_2023_MS - 3_600_000
    with pytest.raises(ValueError, match="DatetimeIndex"):
        to_columns(frame.reset_index(drop=True))


def test_timeframe_and_periods_per_year_from_spacing() -> None:
    day, hour = 86_400_000, 3_600_000
    assert timeframe([0, day, 2 * day]) == ("Days", 1)
    assert timeframe([0, hour, 2 * hour]) == ("Minutes", 60)
    assert timeframe([0, 5_000, 10_000]) == ("Seconds", 5)
    assert periods_per_year([0, day, 2 * day, 4 * day]) == 365  # median spacing: a gap is fine
    assert periods_per_year([0, hour, 2 * hour]) == 8760


def test_config_validation_and_launchpad_fields() -> None:
    with pytest.raises(ValueError, match="sizer must be one of"):
        BacktestConfig(sizer="kelly")
    with pytest.raises(ValueError, match="cash"):
        BacktestConfig(cash=0)
    from cs_pipelines.defs.config import launchpad_config

    launchpad = launchpad_config(BacktestConfig, "BacktestLaunchpad", "Backtest settings.")
    names = [field.name for field in dataclasses.fields(BacktestConfig)]
    assert list(launchpad.model_fields) == names  # every field is overridable in Dagster
    assert launchpad().periods_per_year is None


def test_build_program_is_self_contained_text() -> None:
    program = build_program(SMA_CROSS, make_bars(3), BacktestConfig(cash=5000.0))
    compile(program, "<program>", "exec")  # valid Python; compiling runs nothing
    assert "import backtrader as bt" in program
    assert "'cash': 5000.0" in program
    feeds = program.split("FEEDS = json.loads(")[1].split(")\n")[0]
    assert (
        json.loads(ast.literal_eval(feeds))["data"]["t"][0] == JAN_1_2023_MS
    )  # a plain string literal


def test_dates_are_midnight_utc() -> None:
    days = [date(2024, 2, 28) + timedelta(days=i) for i in range(3)]
    prices = {c: [1.0, 2.0, 3.0] for c in ("open", "high", "low", "close")}
    columns = to_columns(pl.DataFrame({"ts": days, **prices}))
    assert columns["t"][1] == calendar.timegm((2024, 2, 29, 0, 0, 0)) * 1000
