"""Bars the gym can trust, and their walk-forward windows: training windows first, held-out
windows after them, never overlapping.

A window is the bars it scores (``start`` to ``end``, indices into the bars); its backtest
starts ``warmup_bars`` earlier, so indicators have a past. Held-out windows lie in the last
``held_out_fraction`` of the bars and are for evaluation only: no training window scores or
even backtests a bar of them (their warm-up may reach back into the training period, which is
the past and harmless).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import polars as pl

from cs_pipelines.gym.config import GymConfig, GymError
from cs_pipelines.market.schema import timeframe_ms

SPLITS = ("train", "held_out")
PRICES = ("open", "high", "low", "close")


@dataclass(frozen=True)
class Window:
    split: str
    index: int
    start: int  # first scored bar
    end: int  # one past the last scored bar

    def backtest_start(self, warmup_bars: int) -> int:
        return max(0, self.start - warmup_bars)


def gym_bars(bars: pl.DataFrame, name: str, bar_ms: int | None = None) -> pl.DataFrame:
    """``ts, open, high, low, close, volume`` sorted by time, or a ``GymError`` naming the first
    problem: a missing column, a duplicate or missing bar (``bar_ms`` apart; inferred from the
    median spacing when not given), a price that is not a positive finite number."""
    missing = [c for c in ("ts", *PRICES) if c not in bars.columns]
    if missing:
        raise GymError(f"bars {name}: missing column(s) {missing}; have {bars.columns}")
    if bars.height == 0:
        raise GymError(f"bars {name}: no rows")
    volume = pl.col("volume") if "volume" in bars.columns else pl.lit(0.0)
    frame = bars.select("ts", *PRICES, volume=volume.cast(pl.Float64)).sort("ts")
    _check_prices(frame, name)
    _check_spacing(frame, name, bar_ms)
    return frame


def _check_prices(frame: pl.DataFrame, name: str) -> None:
    for column in PRICES:
        values = frame[column].cast(pl.Float64)
        bad = ~(values.is_finite() & (values > 0)) | values.is_null()
        if bad.any():
            row = int(bad.arg_true()[0])
            raise GymError(
                f"bars {name}: {column} {values[row]!r} at {frame['ts'][row]} is not a positive "
                "finite price"
            )


def _check_spacing(frame: pl.DataFrame, name: str, bar_ms: int | None) -> None:
    ts = frame["ts"]
    if ts.dtype == pl.Date:
        ts = ts.cast(pl.Datetime("ms"))
    if not isinstance(ts.dtype, pl.Datetime):
        raise GymError(f"bars {name}: ts must be a Datetime or Date column, not {ts.dtype}")
    gaps = np.diff(ts.dt.epoch("ms").to_numpy())
    if len(gaps) == 0:
        return
    if (gaps == 0).any():
        row = int(np.argmax(gaps == 0)) + 1
        raise GymError(f"bars {name}: duplicate bar at {ts[row]}")
    step = bar_ms or int(np.median(gaps))
    if (gaps != step).any():
        row = int(np.argmax(gaps != step))
        missing = gaps[row] / step - 1
        raise GymError(
            f"bars {name}: {missing:g} bar(s) missing after {ts[row]} (bars are {step / 1000:g} s "
            "apart); fill or cut the gap first"
        )


def market_bars(market_data: pl.DataFrame, config: GymConfig) -> pl.DataFrame:
    """The configured symbol's and timeframe's bars out of ``market_data``, checked."""
    selected = market_data.filter(symbol=config.symbol, timeframe=config.timeframe)
    name = f"{config.symbol} {config.timeframe}"
    if selected.is_empty():
        raise GymError(f"market data has no {name} bars")
    return gym_bars(selected, name, timeframe_ms(config.timeframe))


def make_windows(n_bars: int, config: GymConfig) -> dict[str, list[Window]]:
    """``{"train": [...], "held_out": [...]}``; a ``GymError`` if either would be empty."""
    held_out_start = n_bars - round(n_bars * config.held_out_fraction)
    windows = {
        "train": _walk(config.warmup_bars, held_out_start, "train", config),
        "held_out": _walk(max(held_out_start, config.warmup_bars), n_bars, "held_out", config),
    }
    need = config.warmup_bars + config.window_bars
    for split, found in windows.items():
        if not found:
            raise GymError(
                f"{n_bars} bars leave no {split.replace('_', '-')} window: each needs "
                f"{config.window_bars} bars to score after {config.warmup_bars} of warm-up "
                f"({need}), the held-out part is the last {config.held_out_fraction:.0%}"
            )
    return windows


def _walk(first: int, stop: int, split: str, config: GymConfig) -> list[Window]:
    starts = range(first, stop - config.window_bars + 1, config.step_bars)
    return [Window(split, i, s, s + config.window_bars) for i, s in enumerate(starts)]
