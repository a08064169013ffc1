"""Settings of the ``market_data`` stage: one frozen dataclass of scalar fields.

Every field is a scalar with a working default, so ``launchpad_config`` exposes all of them in
the Dagster launchpad. Lists (symbols, timeframes) are comma-separated strings for that reason.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from cs_pipelines.market.schema import MarketDataError, timeframe_ms
from cs_pipelines.paths import data_dir

SOURCES = ("synthetic", "files", "ccxt")


@dataclass(frozen=True)
class MarketDataConfig:
    """Where bars come from, which ones, and how strictly they are checked.

    The default is offline and deterministic: two years (2024-01-01 to 2025-12-31, both days
    included) of synthetic daily and 4-hour bars for BTC/USDT, ETH/USDT and ETH/BTC.
    """

    source: str = "synthetic"  # synthetic | files | ccxt
    symbols: str = "BTC/USDT,ETH/USDT,ETH/BTC"  # comma-separated, ccxt spelling
    timeframes: str = "1d,4h"  # comma-separated, ccxt spelling (m, h, d, w units)
    start: str = "2024-01-01"  # first day (UTC), or an ISO date-time
    end: str = "2025-12-31"  # last day, included (UTC); "now" for up to the present
    seed: int = 7  # synthetic source: same seed, same bars
    files_dir: str = ""  # files source: folder of BTC-USDT_1d.csv/.parquet; "" = <data>/market
    exchange: str = "binance"  # ccxt source: a ccxt exchange id
    rate_limit_ms: int = 0  # ccxt: least time between requests; 0 = the exchange's rateLimit
    max_retries: int = 5  # ccxt: retries of a request after a network error
    retry_backoff_s: float = 1.0  # ccxt: first retry delay, doubled on each further retry
    page_limit: int = 1000  # ccxt: bars asked for per request
    # Checks: the most bars in a row that may be missing before a gap is a violation. Synthetic
    # data has none; raise it for exchanges with maintenance windows.
    max_gap_bars: int = 0

    def symbol_list(self) -> list[str]:
        return parse_symbols(self.symbols)

    def timeframe_list(self) -> list[str]:
        return parse_timeframes(self.timeframes)

    def range_ms(self, now_ms: int | None = None) -> tuple[int, int]:
        """``[start, end)`` in epoch milliseconds; ``end`` is the day after the last day."""
        return date_range_ms(self.start, self.end, now_ms)

    def files_path(self) -> Path:
        return Path(self.files_dir) if self.files_dir else data_dir() / "market"


def parse_symbols(symbols: str | tuple[str, ...] | list[str]) -> list[str]:
    """``"BTC/USDT, eth/usdt"`` -> ``["BTC/USDT", "ETH/USDT"]`` (upper case, deduplicated)."""
    items = symbols.split(",") if isinstance(symbols, str) else list(symbols)
    out: list[str] = []
    for item in (s.strip().upper() for s in items):
        if not item:
            continue
        base, sep, quote = item.partition("/")
        if not sep or not base or not quote or "/" in quote:
            raise MarketDataError(f"symbol {item!r} is not BASE/QUOTE (e.g. BTC/USDT)")
        if item not in out:
            out.append(item)
    if not out:
        raise MarketDataError("no symbols configured")
    return out


def parse_timeframes(timeframes: str | tuple[str, ...] | list[str]) -> list[str]:
    """Comma-separated timeframes, validated, deduplicated, shortest first."""
    items = timeframes.split(",") if isinstance(timeframes, str) else list(timeframes)
    unique = {item.strip() for item in items if item.strip()}
    if not unique:
        raise MarketDataError("no timeframes configured")
    return sorted(unique, key=timeframe_ms)


def date_range_ms(start: str, end: str, now_ms: int | None = None) -> tuple[int, int]:
    """Epoch milliseconds ``[start, end)``: a plain date as ``end`` includes that whole day."""
    start_ms = _parse_instant(start, "start", end_of_day=False)
    if end.strip().lower() in ("", "now"):
        end_ms = now_ms if now_ms is not None else int(time.time() * 1000)
    else:
        end_ms = _parse_instant(end, "end", end_of_day=True)
    if end_ms <= start_ms:
        raise MarketDataError(f"end {end!r} is not after start {start!r}")
    return start_ms, end_ms


def _parse_instant(text: str, name: str, *, end_of_day: bool) -> int:
    try:
        value = datetime.fromisoformat(text.strip())
    except ValueError as exc:
        raise MarketDataError(f"{name} {text!r} is not an ISO date (YYYY-MM-DD)") from exc
    value = value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
    is_plain_date = len(text.strip()) == 10
    if end_of_day and is_plain_date:
        value += timedelta(days=1)
    return int(value.timestamp() * 1000)
