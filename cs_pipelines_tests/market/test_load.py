"""The stage's entry points: configuration, source dispatch and the backtrader hand-off."""

from __future__ import annotations

import dataclasses
import sys

import polars as pl
import pytest

from cs_pipelines.market import (
    BARS_SCHEMA,
    MarketDataConfig,
    MarketDataError,
    load_market_data,
    to_backtrader_frame,
)
from cs_pipelines.market.config import date_range_ms, parse_symbols, parse_timeframes


def test_every_setting_reaches_the_launchpad() -> None:
    from cs_pipelines.defs.config import launchpad_config, to_stage_config

    run_config = launchpad_config(MarketDataConfig, "MarketDataTestConfig", "Market data.")
    names = [field.name for field in dataclasses.fields(MarketDataConfig)]
    assert list(run_config.model_fields) == names
    assert to_stage_config(run_config(), MarketDataConfig) == MarketDataConfig()


def test_lists_and_dates_are_parsed() -> None:
    assert parse_symbols(" btc/usdt, ETH/USDT,,BTC/USDT") == ["BTC/USDT", "ETH/USDT"]
    assert parse_symbols(("ETH/BTC",)) == ["ETH/BTC"]
    assert parse_timeframes("1d, 4h,1w,4h") == ["4h", "1d", "1w"]
    start, end = date_range_ms("2024-01-01", "2024-01-01")
    assert end - start == 86_400_000  # a plain end date includes that day
    start, end = date_range_ms("2024-01-01T06:00+02:00", "2024-01-01T12:00:00Z")
    assert end - start == 8 * 3_600_000  # 06:00+02:00 is 04:00 UTC
    assert date_range_ms("2024-01-01", "now", now_ms=1_800_000_000_000)[1] == 1_800_000_000_000


@pytest.mark.parametrize(
    ("settings", "message"),
    [
        ({"symbols": "BTCUSDT"}, "not BASE/QUOTE"),
        ({"symbols": " , "}, "no symbols"),
        ({"timeframes": ""}, "no timeframes"),
        ({"timeframes": "1d,fortnight"}, "unknown timeframe"),
        ({"start": "01/02/2024"}, "not an ISO date"),
        ({"start": "2025-01-01", "end": "2024-12-31"}, "not after start"),
        ({"source": "bloomberg"}, "unknown market data source"),
    ],
)
def test_bad_settings_fail_clearly(settings: dict[str, str], message: str) -> None:
    with pytest.raises(MarketDataError, match=message):
        load_market_data(MarketDataConfig(**settings))


def test_the_default_is_synthetic_and_typed() -> None:
    bars = load_market_data(MarketDataConfig())
    assert bars.schema == pl.Schema(BARS_SCHEMA)
    assert bars.equals(bars.sort("symbol", "timeframe", "ts"))


def test_backtrader_frame_runs_in_backtrader() -> None:
    pytest.importorskip("pandas")
    import backtrader as bt

    bars = load_market_data(MarketDataConfig(end="2024-03-31"))
    frame = to_backtrader_frame(bars, "ETH/USDT", "1d")
    assert list(frame.columns) == ["open", "high", "low", "close", "volume"]
    assert frame.index.name == "datetime" and frame.index.tz is None
    assert len(frame) == 91 and frame.index.is_monotonic_increasing
    assert str(frame.index[0]) == "2024-01-01 00:00:00"

    closes: list[float] = []

    class Record(bt.Strategy):
        def next(self) -> None:
            closes.append(self.data.close[0])

    cerebro = bt.Cerebro()
    cerebro.adddata(bt.feeds.PandasData(dataname=frame))
    cerebro.addstrategy(Record)
    cerebro.run()
    assert closes == pytest.approx(frame["close"].tolist())


def test_backtrader_frame_needs_bars_of_the_pair() -> None:
    bars = load_market_data(MarketDataConfig(end="2024-01-31"))
    with pytest.raises(MarketDataError, match="no SOL/USDT 1d bars"):
        to_backtrader_frame(bars, "SOL/USDT", "1d")


def test_backtrader_frame_without_pandas_says_what_to_install(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)  # import pandas now raises ImportError
    bars = load_market_data(MarketDataConfig(end="2024-01-31"))
    with pytest.raises(MarketDataError, match="pip install pandas"):
        to_backtrader_frame(bars, "BTC/USDT", "1d")
