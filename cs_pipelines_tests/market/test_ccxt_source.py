"""The ccxt source's paging, increments, retries and rate limit, against a fake exchange.

A small fake exchange stands in for ccxt here: ccxt is not installed and no exchange can be
reached from the machines that run these tests. The fake implements the one ccxt method the
source calls, ``fetch_ohlcv(symbol, timeframe, since, limit)``, with ccxt's row layout
(``[ms, open, high, low, close, volume]``), ``rateLimit`` and ``timeframes``. Sleeping and the
clock are injected too, so no test waits.
"""

from __future__ import annotations

import itertools
import sys
from typing import Any

import polars as pl
import pytest

from cs_pipelines.market import (
    MarketDataConfig,
    MarketDataError,
    fetch_ccxt,
    load_market_data,
    validate_bars,
)
from cs_pipelines.market.ccxt_source import make_exchange, network_errors

HOUR = 3_600_000
T0 = 1_704_067_200_000  # 2024-01-01 00:00 UTC
LATENCY_S = 0.05


class NetworkError(Exception):
    """Plays ccxt.NetworkError."""


class FakeTime:
    def __init__(self) -> None:
        self.now = 1000.0
        self.sleeps: list[float] = []

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(round(seconds, 6))
        self.now += seconds

    def clock(self) -> float:
        return self.now


class FakeExchange:
    """Hourly bars from T0 up to the one forming at ``now_ms``, at most ``max_page`` a call."""

    rateLimit = 250  # ccxt's attribute name
    timeframes = {"1h": "1h", "4h": "4h", "1d": "1d"}  # noqa: RUF012

    def __init__(self, time: FakeTime, now_ms: int, max_page: int = 1000) -> None:
        self.time = time
        self.now_ms = now_ms
        self.max_page = max_page
        self.price_offset = 0.0
        self.failures: list[Exception] = []
        self.calls: list[dict[str, Any]] = []

    def fetch_ohlcv(
        self, symbol: str, timeframe: str, since: int | None, limit: int | None
    ) -> list[list[float]]:
        self.calls.append({"symbol": symbol, "since": since, "limit": limit, "at": self.time.now})
        self.time.now += LATENCY_S
        if self.failures:
            raise self.failures.pop(0)
        assert timeframe == "1h" and since is not None and limit is not None
        first = -(-since // HOUR) * HOUR
        count = max(0, min(limit, self.max_page, (self.now_ms - first) // HOUR + 1))
        return [self._bar(first + i * HOUR) for i in range(count)]

    def _bar(self, ts: int) -> list[float]:
        price = 100.0 + (ts - T0) / HOUR + self.price_offset
        return [ts, price, price + 2.0, price - 1.0, price + 1.0, 10.0]


def config(**overrides: Any) -> MarketDataConfig:
    settings: dict[str, Any] = {
        "source": "ccxt",
        "symbols": "BTC/USDT",
        "timeframes": "1h",
        "start": "2024-01-01",
        "end": "2024-01-02",  # 48 hourly bars
        "page_limit": 10,
        "retry_backoff_s": 1.0,
        **overrides,
    }
    return MarketDataConfig(**settings)


def fetch(
    exchange: FakeExchange, existing: pl.DataFrame | None = None, **overrides: Any
) -> pl.DataFrame:
    return fetch_ccxt(
        config(**overrides),
        existing,
        exchange=exchange,
        sleep=exchange.time.sleep,
        clock=exchange.time.clock,
        now_ms=exchange.now_ms,
        retry_on=(NetworkError,),
    )


def hours(df: pl.DataFrame) -> list[int]:
    return [(ms - T0) // HOUR for ms in df["ts"].dt.epoch("ms").to_list()]


def test_pages_forward_by_timestamp_until_the_end() -> None:
    exchange = FakeExchange(FakeTime(), now_ms=T0 + 1000 * HOUR)
    bars = fetch(exchange)
    assert hours(bars) == list(range(48))
    assert [call["since"] for call in exchange.calls] == [
        T0 + h * HOUR for h in (0, 10, 20, 30, 40)
    ]
    assert {call["limit"] for call in exchange.calls} == {10}
    assert validate_bars(bars) == []
    assert bars.schema["ts"] == pl.Datetime("ms", "UTC")


def test_short_pages_do_not_end_the_fetch() -> None:
    """Exchanges may cap a page below the limit asked for; only an empty page means done."""
    exchange = FakeExchange(FakeTime(), now_ms=T0 + 1000 * HOUR, max_page=7)
    assert hours(fetch(exchange)) == list(range(48))


def test_only_closed_bars_and_then_only_newer_ones() -> None:
    exchange = FakeExchange(FakeTime(), now_ms=T0 + 5 * HOUR + HOUR // 2)
    first = fetch(exchange, end="now")
    assert hours(first) == [0, 1, 2, 3, 4]  # the bar opened at 05:00 is still forming

    exchange.now_ms = T0 + 12 * HOUR
    exchange.price_offset = 1000.0  # a refetch of old bars would show
    exchange.calls.clear()
    second = fetch(exchange, first, end="now")
    assert exchange.calls[0]["since"] == T0 + 5 * HOUR
    assert hours(second) == list(range(12))
    assert second.head(5).equals(first)
    assert second["open"][5] == 1105.0


def test_nothing_new_means_no_request() -> None:
    exchange = FakeExchange(FakeTime(), now_ms=T0 + 1000 * HOUR)
    stored = fetch(exchange)
    exchange.calls.clear()
    assert fetch(exchange, stored).equals(stored)
    assert exchange.calls == []


def test_stored_bars_outside_the_configuration_are_dropped() -> None:
    exchange = FakeExchange(FakeTime(), now_ms=T0 + 1000 * HOUR)
    stored = fetch(exchange)
    other = stored.with_columns(symbol=pl.lit("ETH/USDT"))
    bars = fetch(exchange, pl.concat([stored, other]), end="2024-01-01")
    assert bars["symbol"].unique().to_list() == ["BTC/USDT"]
    assert hours(bars) == list(range(24))


def test_requests_keep_the_exchange_rate_limit() -> None:
    exchange = FakeExchange(FakeTime(), now_ms=T0 + 1000 * HOUR)
    fetch(exchange)
    starts = [call["at"] for call in exchange.calls]
    gaps = [round(b - a, 6) for a, b in itertools.pairwise(starts)]
    assert gaps == [0.25] * 4  # rateLimit 250 ms, counted from the previous request
    assert exchange.time.sleeps == [0.2] * 4  # the request's own latency already counted


def test_the_configured_rate_limit_wins() -> None:
    exchange = FakeExchange(FakeTime(), now_ms=T0 + 1000 * HOUR)
    fetch(exchange, rate_limit_ms=2000)
    starts = [call["at"] for call in exchange.calls]
    assert all(round(b - a, 6) == 2.0 for a, b in itertools.pairwise(starts))


def test_network_errors_are_retried_with_exponential_backoff() -> None:
    exchange = FakeExchange(FakeTime(), now_ms=T0 + 1000 * HOUR)
    exchange.failures = [NetworkError("timeout"), NetworkError("reset"), NetworkError("503")]
    bars = fetch(exchange, end="2024-01-01", page_limit=100)
    assert hours(bars) == list(range(24))
    assert len(exchange.calls) == 4
    assert exchange.time.sleeps == [1.0, 2.0, 4.0]  # backoff covers the rate limit


def test_retries_give_up_with_the_request_named() -> None:
    exchange = FakeExchange(FakeTime(), now_ms=T0 + 1000 * HOUR)
    exchange.failures = [NetworkError("down")] * 4
    with pytest.raises(MarketDataError, match=r"fetch_ohlcv\('BTC/USDT', '1h', since=.*3 attempts"):
        fetch(exchange, max_retries=2)
    assert len(exchange.calls) == 3


def test_other_errors_are_not_retried() -> None:
    exchange = FakeExchange(FakeTime(), now_ms=T0 + 1000 * HOUR)
    exchange.failures = [ValueError("BadSymbol: no such market")]
    with pytest.raises(MarketDataError, match="BadSymbol"):
        fetch(exchange)
    assert len(exchange.calls) == 1


def test_a_timeframe_the_exchange_lacks_is_named() -> None:
    exchange = FakeExchange(FakeTime(), now_ms=T0 + 1000 * HOUR)
    with pytest.raises(MarketDataError, match="no timeframe '15m'"):
        fetch(exchange, timeframes="15m")


def test_load_market_data_passes_the_exchange_through() -> None:
    exchange = FakeExchange(FakeTime(), now_ms=T0 + 1000 * HOUR)
    bars = load_market_data(
        config(),
        exchange=exchange,
        sleep=exchange.time.sleep,
        clock=exchange.time.clock,
        now_ms=exchange.now_ms,
    )
    assert bars.height == 48


def test_without_ccxt_the_error_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "ccxt", None)  # import ccxt now raises ImportError
    with pytest.raises(MarketDataError, match="pip install ccxt"):
        make_exchange("binance")
    with pytest.raises(MarketDataError, match="pip install ccxt"):
        load_market_data(MarketDataConfig(source="ccxt"))
    assert network_errors() == (ConnectionError, TimeoutError)
