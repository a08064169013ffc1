"""What a strategy does inside its backtest, observed for the spec checks; and the probe bars.

The backtest runner reports metrics, the equity curve and the closed trades. A spec needs more:
the bars on which a position changes, the order types submitted, whether the strategy ever went
short, how large a position was when it was opened or grown, and what ``self.records`` holds.
``observed_source`` appends to the candidate's code a subclass of its class (``OBSERVER``)
that records these and, after the strategy's own ``stop``, prints them as one JSON line;
``read_observation`` finds that line in the result's stdout. The subclass is the most derived
class, so its hooks run whatever the candidate overrides, and it calls every overridden hook.

The line must fit in the last ``TAIL`` (4,000) characters of stdout that a ``BacktestResult``
keeps, so signals are delta-encoded and capped at ``MAX_SIGNALS``.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

import polars as pl

from cs_pipelines.market import MarketDataConfig, load_market_data

OBSERVER = "_CsSpecObserver"
MARKER = "__cs_sft_observation__ "
MAX_SIGNALS = 600
RECORDS_TAIL = 10
PROBE_SYMBOLS = ("BTC/USDT", "ETH/USDT")
PROBE_TIMEFRAME = "1d"

_OBSERVER_SOURCE = '''

import json as _cs_json


class {observer}({base}):
    """Appended by cs_pipelines.sft: observes the strategy for the spec checks."""

    def start(self):
        self._cs_sizes = [0.0] * len(self.datas)
        self._cs_signals = [[] for _ in self.datas]
        self._cs_count = 0
        self._cs_seen = set()
        self._cs_types = {{}}
        self._cs_short_bar = None
        self._cs_max_fraction = 0.0
        self._cs_value = self.broker.getvalue()
        super().start()

    def notify_order(self, order):
        if order.ref not in self._cs_seen:
            self._cs_seen.add(order.ref)
            name = order.ExecTypes[order.exectype]
            self._cs_types[name] = self._cs_types.get(name, 0) + 1
        super().notify_order(order)

    def prenext(self):
        self._cs_track()
        super().prenext()

    def next(self):
        self._cs_track()
        super().next()

    def _cs_track(self):
        bar = len(self.datas[0]) - 1
        for i, data in enumerate(self.datas):
            position = self.getposition(data)
            size, old = position.size, self._cs_sizes[i]
            if size == old:
                continue
            self._cs_sizes[i] = size
            if self._cs_count < {max_signals}:
                self._cs_signals[i].append(bar)
            self._cs_count += 1
            if size and (abs(size) > abs(old) or size * old < 0) and self._cs_value > 0:
                # the position at its fill against the portfolio before it: a new position
                # at its own price, a grown one at the open (where market orders fill)
                price = position.price if old == 0 or size * old < 0 else data.open[0]
                fraction = abs(size) * price / self._cs_value
                self._cs_max_fraction = max(self._cs_max_fraction, fraction)
            if size < 0 and self._cs_short_bar is None:
                self._cs_short_bar = bar
        self._cs_value = self.broker.getvalue()

    def stop(self):
        super().stop()
        records = getattr(self, "records", None)
        summary = None
        if isinstance(records, (list, tuple)):
            tail = []
            for value in list(records)[-{records_tail}:]:
                try:
                    tail.append(float(value))
                except (TypeError, ValueError):
                    tail.append(None)
            summary = {{"n": len(records), "tail": tail}}
        deltas = [[b - a for a, b in zip([0, *bars], bars)] for bars in self._cs_signals]
        report = {{
            "signals": deltas,
            "n_signals": self._cs_count,
            "order_types": self._cs_types,
            "short_bar": self._cs_short_bar,
            "max_fraction": self._cs_max_fraction,
            "records": summary,
        }}
        print("\\n{marker}" + _cs_json.dumps(report, separators=(",", ":")), flush=True)
'''


def observed_source(code: str, class_name: str) -> str:
    """The candidate's code with the observer subclass of ``class_name`` appended (run it with
    ``strategy_name=OBSERVER``); the candidate's own line numbers are unchanged."""
    return (
        code.rstrip("\n")
        + "\n"
        + _OBSERVER_SOURCE.format(
            observer=OBSERVER,
            base=class_name,
            max_signals=MAX_SIGNALS,
            records_tail=RECORDS_TAIL,
            marker=MARKER,
        )
    )


def read_observation(stdout: str) -> dict[str, Any] | None:
    """The observation printed last in ``stdout``, signals decoded to bar indices per feed;
    None when there is none (the run failed, or the strategy printed it out of the tail)."""
    for line in reversed(stdout.splitlines()):
        if line.startswith(MARKER):
            try:
                report = json.loads(line[len(MARKER) :])
            except ValueError:
                return None
            report["signals"] = [_cumulative(deltas) for deltas in report["signals"]]
            report["truncated"] = report["n_signals"] > sum(map(len, report["signals"]))
            return report
    return None


def _cumulative(deltas: list[int]) -> list[int]:
    bars, total = [], 0
    for delta in deltas:
        total += delta
        bars.append(total)
    return bars


def probe_bars(
    market_data: pl.DataFrame | None = None,
    symbols: Sequence[str] = PROBE_SYMBOLS,
    timeframe: str = PROBE_TIMEFRAME,
) -> dict[str, pl.DataFrame]:
    """The probe feeds, ``symbol -> bars`` in order: by default the daily BTC/USDT and ETH/USDT
    bars of the default (synthetic, seeded) market data. Single-feed tasks use the first."""
    if market_data is None:
        market_data = load_market_data(MarketDataConfig())
    feeds = {}
    for symbol in symbols:
        bars = market_data.filter(symbol=symbol, timeframe=timeframe).sort("ts")
        if bars.is_empty():
            raise ValueError(f"no {symbol} {timeframe} bars for the probe")
        feeds[symbol] = bars.select("ts", "open", "high", "low", "close", "volume")
    return feeds


def feeds_for(bars: Mapping[str, pl.DataFrame], n_feeds: int) -> dict[str, pl.DataFrame]:
    """The first ``n_feeds`` probe feeds."""
    if n_feeds > len(bars):
        raise ValueError(f"a task needs {n_feeds} feeds; the probe has {len(bars)}")
    return dict(list(bars.items())[:n_feeds])
