"""Bars from an exchange through ccxt, fetched incrementally (needs ``pip install ccxt``).

For each (symbol, timeframe) the fetch starts one bar after the newest bar already stored (or
at the configured start) and pages forward with ``fetch_ohlcv(symbol, timeframe, since,
limit)`` until the configured end or the present. Only closed bars are kept: a bar still
forming at the time of the fetch would change later, and stored bars never change.

Requests are spaced by ``rate_limit_ms`` (or the exchange's own ``rateLimit`` when that is 0),
counted from the previous request, and retried with exponential backoff
(``retry_backoff_s * 2**attempt``, capped at :data:`MAX_BACKOFF_S`) on network errors
(``ccxt.NetworkError`` and its subclasses, which include rate-limit and timeout errors);
other errors fail at once. ccxt's own throttle is switched off so the two do not add up.

The exchange, the clock and the sleep function are parameters so the paging, retry and rate
logic can be tested without a network.
"""

from __future__ import annotations

import importlib
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

import polars as pl

from cs_pipelines.market.config import MarketDataConfig
from cs_pipelines.market.schema import (
    BARS_SCHEMA,
    MarketDataError,
    conform,
    empty_bars,
    timeframe_ms,
)

MAX_BACKOFF_S = 60.0
DEFAULT_RATE_LIMIT_MS = 1000  # for an exchange object without a rateLimit attribute


class OhlcvExchange(Protocol):
    """The part of a ccxt exchange this module uses."""

    def fetch_ohlcv(
        self, symbol: str, timeframe: str, since: int | None, limit: int | None
    ) -> list[list[Any]]: ...


@dataclass
class _Throttle:
    """Keeps requests at least ``interval_s`` apart and retries network errors."""

    interval_s: float
    max_retries: int
    backoff_s: float
    retry_on: tuple[type[BaseException], ...]
    sleep: Callable[[float], None]
    clock: Callable[[], float]
    last_call: float | None = None

    def call(self, what: str, request: Callable[[], list[list[Any]]]) -> list[list[Any]]:
        attempt = 0
        while True:
            self._wait()
            try:
                return request()
            except self.retry_on as exc:
                if attempt >= self.max_retries:
                    raise MarketDataError(
                        f"{what} failed after {attempt + 1} attempts: {exc!r}"
                    ) from exc
                self.sleep(min(MAX_BACKOFF_S, self.backoff_s * 2**attempt))
                attempt += 1
            except Exception as exc:  # not a network error: retrying will not help
                raise MarketDataError(f"{what} failed: {exc!r}") from exc

    def _wait(self) -> None:
        if self.last_call is not None:
            remaining = self.interval_s - (self.clock() - self.last_call)
            if remaining > 0:
                self.sleep(remaining)
        self.last_call = self.clock()


def fetch_ccxt(
    config: MarketDataConfig,
    existing: pl.DataFrame | None = None,
    *,
    exchange: OhlcvExchange | None = None,
    sleep: Callable[[float], None] = time.sleep,
    clock: Callable[[], float] = time.monotonic,
    now_ms: int | None = None,
    retry_on: tuple[type[BaseException], ...] | None = None,
) -> pl.DataFrame:
    """``existing`` bars of the configured symbols and timeframes plus the newer closed bars.

    ``exchange`` defaults to ``ccxt.<config.exchange>()``; ``retry_on`` to ccxt's
    ``NetworkError`` (when ccxt is installed) plus Python's ``ConnectionError`` and
    ``TimeoutError``.
    """
    now_ms = now_ms if now_ms is not None else int(time.time() * 1000)
    exchange = exchange if exchange is not None else make_exchange(config.exchange)
    throttle = _Throttle(
        interval_s=_interval_ms(config, exchange) / 1000.0,
        max_retries=config.max_retries,
        backoff_s=config.retry_backoff_s,
        retry_on=retry_on if retry_on is not None else network_errors(),
        sleep=sleep,
        clock=clock,
    )
    start_ms, end_ms = config.range_ms(now_ms)
    stored = _stored(existing, config, start_ms, end_ms)
    frames = [stored]
    for symbol in config.symbol_list():
        for timeframe in config.timeframe_list():
            _check_timeframe(exchange, config.exchange, timeframe)
            since = _resume_ms(stored, symbol, timeframe, start_ms)
            until = min(end_ms, now_ms)
            rows = _fetch_pair(exchange, throttle, symbol, timeframe, since, until, config)
            frames.append(_to_frame(rows, symbol, timeframe))
    combined = pl.concat(frames).unique(subset=["symbol", "timeframe", "ts"], keep="first")
    return conform(combined)


def make_exchange(exchange_id: str) -> Any:
    """A ccxt exchange instance; :class:`MarketDataError` if ccxt or the exchange is missing."""
    ccxt = _import_ccxt()
    exchange_class = getattr(ccxt, exchange_id, None)
    if exchange_class is None or exchange_id not in getattr(ccxt, "exchanges", [exchange_id]):
        raise MarketDataError(f"ccxt has no exchange {exchange_id!r} (see ccxt.exchanges)")
    return exchange_class({"enableRateLimit": False})  # we space requests ourselves


def network_errors() -> tuple[type[BaseException], ...]:
    """The errors worth retrying: ccxt's NetworkError family and Python's network errors."""
    builtin: tuple[type[BaseException], ...] = (ConnectionError, TimeoutError)
    try:
        ccxt = importlib.import_module("ccxt")
    except ImportError:
        return builtin
    return (ccxt.NetworkError, *builtin)


def _import_ccxt() -> Any:
    try:
        return importlib.import_module("ccxt")
    except ImportError as exc:
        raise MarketDataError(
            "the ccxt market data source needs the ccxt package: pip install ccxt "
            "(or use source='synthetic' or source='files')"
        ) from exc


def _interval_ms(config: MarketDataConfig, exchange: Any) -> float:
    if config.rate_limit_ms > 0:
        return float(config.rate_limit_ms)
    return float(getattr(exchange, "rateLimit", None) or DEFAULT_RATE_LIMIT_MS)


def _check_timeframe(exchange: Any, exchange_id: str, timeframe: str) -> None:
    supported = getattr(exchange, "timeframes", None)
    if isinstance(supported, dict) and supported and timeframe not in supported:
        raise MarketDataError(
            f"exchange {exchange_id!r} has no timeframe {timeframe!r} (it has {sorted(supported)})"
        )


def _stored(
    existing: pl.DataFrame | None, config: MarketDataConfig, start_ms: int, end_ms: int
) -> pl.DataFrame:
    """The stored bars that the configuration still asks for."""
    if existing is None or existing.is_empty():
        return empty_bars()
    ms = pl.col("ts").dt.epoch("ms")
    return conform(existing).filter(
        pl.col("symbol").is_in(config.symbol_list()),
        pl.col("timeframe").is_in(config.timeframe_list()),
        ms >= start_ms,
        ms < end_ms,
    )


def _resume_ms(stored: pl.DataFrame, symbol: str, timeframe: str, start_ms: int) -> int:
    """One bar after the newest stored bar of the pair, or ``start_ms`` when none is stored."""
    newest = stored.filter(symbol=symbol, timeframe=timeframe)["ts"].dt.epoch("ms").max()
    if newest is None:
        return start_ms
    return int(newest) + timeframe_ms(timeframe)  # type: ignore[arg-type]


def _fetch_pair(
    exchange: OhlcvExchange,
    throttle: _Throttle,
    symbol: str,
    timeframe: str,
    since: int,
    until: int,
    config: MarketDataConfig,
) -> list[list[Any]]:
    """Closed bars of one pair with ``since <= ts < until``, paging forward by timestamp."""
    bar_ms = timeframe_ms(timeframe)
    rows: list[list[Any]] = []
    while since + bar_ms <= until:
        what = f"fetch_ohlcv({symbol!r}, {timeframe!r}, since={since})"
        page = throttle.call(
            what, lambda s=since: exchange.fetch_ohlcv(symbol, timeframe, s, config.page_limit)
        )
        fresh = sorted(
            (row for row in page if since <= int(row[0]) and int(row[0]) + bar_ms <= until),
            key=lambda row: int(row[0]),
        )
        if not fresh:
            break  # nothing newer: the exchange has no more closed bars in range
        rows.extend(fresh)
        since = int(fresh[-1][0]) + bar_ms
    return rows


def _to_frame(rows: list[list[Any]], symbol: str, timeframe: str) -> pl.DataFrame:
    if not rows:
        return empty_bars()
    columns = list(zip(*[row[:6] for row in rows], strict=True))
    names = ("open", "high", "low", "close", "volume")
    frame = pl.DataFrame(
        {
            "symbol": [symbol] * len(rows),
            "timeframe": [timeframe] * len(rows),
            "ts": pl.Series(columns[0], dtype=pl.Int64).cast(pl.Datetime("ms")),
            **{
                name: pl.Series(values, dtype=pl.Float64, strict=False)
                for name, values in zip(names, columns[1:], strict=True)
            },
        }
    )
    return frame.with_columns(pl.col("ts").dt.replace_time_zone("UTC")).cast(BARS_SCHEMA)
