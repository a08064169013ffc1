"""Walk-forward windows (training before held-out, never overlapping) and the bars the gym
accepts; each bad input named."""

from __future__ import annotations

from datetime import timedelta

import polars as pl
import pytest

from cs_pipelines.gym import GymConfig, GymError, gym_bars, make_windows, market_bars
from cs_pipelines.market import MarketDataConfig, load_market_data
from cs_pipelines_tests.backtest.conftest import make_bars


def test_training_windows_never_reach_the_held_out_bars() -> None:
    config = GymConfig()
    windows = make_windows(730, config)
    train, held_out = windows["train"], windows["held_out"]
    assert len(train) == 5 and len(held_out) == 2
    held_out_start = 730 - round(730 * config.held_out_fraction)
    assert all(w.end <= held_out_start for w in train)  # scored and backtested bars alike
    assert held_out[0].start >= held_out_start and held_out[-1].end <= 730
    assert all(w.end - w.start == config.window_bars for w in train + held_out)
    assert train[0].backtest_start(config.warmup_bars) == 0
    assert [w.index for w in train] == list(range(len(train)))


@pytest.mark.parametrize(
    ("n_bars", "config", "expected"),
    [
        (100, GymConfig(), "100 bars leave no train window"),
        (400, GymConfig(held_out_fraction=0.1), "400 bars leave no held-out window"),
    ],
)
def test_too_few_bars_for_the_windows_is_named(n_bars: int, config: GymConfig, expected) -> None:
    with pytest.raises(GymError, match=expected):
        make_windows(n_bars, config)


def _with(frame: pl.DataFrame, row: int, **values: float) -> pl.DataFrame:
    return (
        frame.with_row_index()
        .with_columns(
            [
                pl.when(pl.col("index") == row).then(pl.lit(v)).otherwise(pl.col(k)).alias(k)
                for k, v in values.items()
            ]
        )
        .drop("index")
    )


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda f: f.drop("close"), r"missing column\(s\) \['close'\]"),
        (lambda f: f.head(0), "no rows"),
        (lambda f: _with(f, 7, close=0.0), "close 0.0 at .* is not a positive finite price"),
        (lambda f: _with(f, 3, low=-1.0), "low -1.0 at .* is not a positive"),
        (lambda f: _with(f, 3, open=float("nan")), "open nan at"),
        (lambda f: pl.concat([f, f.tail(1)]), "duplicate bar at"),
        (lambda f: f.filter(pl.int_range(pl.len()) != 10), "1 bar\\(s\\) missing after"),
    ],
)
def test_bad_bars_are_named(change, expected: str) -> None:
    with pytest.raises(GymError, match=expected):
        gym_bars(change(make_bars(40)), "test")


def test_gym_bars_are_sorted_and_get_a_volume() -> None:
    frame = make_bars(20).drop("volume").reverse()
    checked = gym_bars(frame, "test")
    assert checked.columns == ["ts", "open", "high", "low", "close", "volume"]
    assert checked["ts"].is_sorted() and checked["volume"].sum() == 0


def test_market_bars_come_from_the_configured_symbol_and_timeframe() -> None:
    market = load_market_data(MarketDataConfig())
    bars = market_bars(market, GymConfig(symbol="ETH/USDT", timeframe="4h"))
    assert bars.height == 731 * 6
    assert bars["ts"].diff().drop_nulls().unique().to_list() == [timedelta(hours=4)]
    with pytest.raises(GymError, match="market data has no DOGE/USDT 1d bars"):
        market_bars(market, GymConfig(symbol="DOGE/USDT"))


def test_bad_settings_are_named() -> None:
    with pytest.raises(GymError, match="objective must be one of"):
        GymConfig(objective="profit")
    with pytest.raises(GymError, match=r"held_out_fraction must be in \(0, 1\)"):
        GymConfig(held_out_fraction=1.0)
