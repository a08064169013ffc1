"""The programs a backtest runs in the sandbox, and the bars they get.

A verified backtest (``run_backtest``) runs the *strategy process*: the harness (``_harness.py``)
and ``_decide.py``, then the strategy source and the settings, and no bars at all: those reach
it one step at a time through the sandbox's stream (``PreparedData.stream_items``), in exchange
for its decisions, which the host replays and measures (``replay.py``).

``build_program`` writes the *self-contained* program instead, for a person to run a strategy
by hand in any interpreter: the harness, the inputs with the bars embedded, and the call. It
measures inside the strategy's own process, so its numbers are only as honest as the strategy.

There the bars travel inside the program as one compact JSON string literal (``FEEDS =
json.loads('...')``, 82 KB for two years of daily bars, 1.8 MB for two years of hourly ones),
not as a file under a folder passed to the pool as ``readable_paths``. Measured (``benchmarks/
bench_backtest.py --sections data``, see the "Backtests" section of ``benchmarks/README.md``):
for daily bars the two cost the same (loading the feeds 15 vs 14 ms, the whole backtest 102 vs
101 ms); for hourly bars the file loads 40-85 ms faster (52 vs 90 ms minimum) on a 2-4 s
backtest (1-4%). That is not worth what a file costs: a pool configured with the right
``readable_paths`` (or a world-readable folder outside /tmp), files to write and delete, and a
program that means something different once the file changes. An embedded program is
self-contained: it runs on any pool, in a fresh interpreter (``python -c``) or on another
machine, and the same program text always means the same data.
"""

from __future__ import annotations

import functools
import json
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from cs_pipelines.backtest.bars import Columns, feed_columns, timeframe
from cs_pipelines.backtest.config import DEFAULT_CONFIG, BacktestConfig

HARNESS_PATH = Path(__file__).with_name("_harness.py")
DECIDE_PATH = Path(__file__).with_name("_decide.py")
RESULT_BYTES_PER_BAR = 400  # ts + value, and room for a trade record per bar


@functools.cache
def harness() -> str:
    return HARNESS_PATH.read_text(encoding="utf-8")


@functools.cache
def strategy_process() -> str:
    """The fixed part of the strategy process: the harness, then ``_decide.py``."""
    return f"{harness()}\n\n{DECIDE_PATH.read_text(encoding='utf-8')}"


@dataclass(frozen=True)
class PreparedData:
    """Bars and settings serialised once, for any number of strategies run on them."""

    feeds: dict[str, Columns]
    config: BacktestConfig
    settings: dict[str, Any]  # what the harness needs of the config, and each feed's timeframe
    feeds_json: str

    @classmethod
    def from_bars(cls, bars: Any, config: BacktestConfig) -> PreparedData:
        feeds = feed_columns(bars)
        settings = {
            **{k: v for k, v in asdict(config).items() if k not in ("timeout_s", "memory_mb")},
            "timeframes": {name: timeframe(columns["t"]) for name, columns in feeds.items()},
        }
        feeds_json = json.dumps(feeds, separators=(",", ":"), allow_nan=False)
        return cls(feeds, config, settings, feeds_json)

    @functools.cached_property
    def feeds_expr(self) -> str:
        """The feeds as one JSON string literal the program parses (built once)."""
        return f"json.loads({self.feeds_json!r})"

    def program(self, strategy_source: str, strategy_name: str | None = None) -> str:
        """The self-contained program (bars embedded; measures in the strategy's process)."""
        return program_text(strategy_source, strategy_name, self.settings, self.feeds_expr)

    def strategy_program(self, strategy_source: str, strategy_name: str | None = None) -> str:
        """The strategy process of a verified backtest: no bars, they come by the stream."""
        return (
            f"{strategy_process()}\n\n"
            f"STRATEGY_SOURCE = {strategy_source!r}\n"
            f"STRATEGY_NAME = {strategy_name!r}\n"
            f"SETTINGS = {self.settings!r}\n"
            f"FEED_NAMES = {list(self.feeds)!r}\n"
            "emit(decide(STRATEGY_SOURCE, STRATEGY_NAME, SETTINGS, FEED_NAMES))\n"
        )

    @property
    def n_steps(self) -> int:
        return len(_first(self.feeds)["t"])

    @functools.cached_property
    def stream_items(self) -> list[str]:
        """One JSON text per step: ``[t, o, h, l, c, v]`` of every feed at that time. Several
        feeds must share their timestamps: a feed behind the others would hold a bar the
        strategy could read before its time."""
        first_name, first = next(iter(self.feeds.items()))
        for name, columns in self.feeds.items():
            if columns["t"] != first["t"]:
                raise ValueError(
                    f"bars {name!r} and {first_name!r} do not share their timestamps; a verified "
                    "backtest of several feeds needs one row per feed at every step"
                )
        rows = [zip(*(c[k] for k in "tohlcv"), strict=True) for c in self.feeds.values()]
        dumps = json.JSONEncoder(separators=(",", ":"), allow_nan=False).encode
        return [dumps(step) for step in zip(*rows, strict=True)]

    def run_options(self, *, streamed: bool = True) -> dict[str, Any]:
        """Keyword arguments of ``Sandbox.run`` for these bars and this config: the strategy
        process's (``streamed``) or the self-contained program's."""
        n_bars = sum(len(columns["t"]) for columns in self.feeds.values())
        options = {
            "timeout_s": self.config.timeout_s,
            "memory_mb": self.config.memory_mb,
            "max_result": (16 << 20) + n_bars * RESULT_BYTES_PER_BAR,
        }
        if streamed:
            options.update(stream=self.stream_items, exit_ok=False)
        return options


def _first(feeds: dict[str, Columns]) -> Columns:
    return next(iter(feeds.values()))


def program_text(
    strategy_source: str, strategy_name: str | None, settings: dict[str, Any], feeds_expr: str
) -> str:
    """Harness, inputs, call; ``feeds_expr`` is the Python expression that yields the feeds."""
    return (
        f"{harness()}\n\n"
        f"STRATEGY_SOURCE = {strategy_source!r}\n"
        f"STRATEGY_NAME = {strategy_name!r}\n"
        f"SETTINGS = {settings!r}\n"
        f"FEEDS = {feeds_expr}\n"
        "publish(main(STRATEGY_SOURCE, STRATEGY_NAME, SETTINGS, FEEDS))\n"
    )


def build_program(
    strategy_source: str,
    bars: Any,
    config: BacktestConfig = DEFAULT_CONFIG,
    *,
    strategy_name: str | None = None,
) -> str:
    """The complete backtest program: runs in the sandbox (the result through ``emit``) or in a
    plain ``python -c`` (the result as JSON on the last line of stdout)."""
    prepared = PreparedData.from_bars(bars, config)
    return prepared.program(strategy_source, strategy_name)
