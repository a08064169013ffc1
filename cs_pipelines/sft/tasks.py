"""Strategy tasks for execution-grounded SFT: a taxonomy, a component grammar, and a recursive
easy-to-hard composition.

A task is one backtrader strategy to write, built from *components*: a **root** (a complete
strategy by itself: an entry signal with its opposite-signal exit, a pairs trade, a momentum
rotation, a periodic rebalance, or a no-trade indicator recorder) and **modifiers** that change
one aspect of it (an extra exit rule, a stop, a take-profit, position sizing, shorting, the entry
order type, recording an indicator, a rebalancing band). Each component belongs to one taxonomy
node (``CATEGORIES``) and fills one *slot*, so two stops never stack.

Level 1 tasks are single roots with sampled parameters; a level ``k`` task is a level ``k - 1``
task plus one compatible modifier (``parents`` names it). Difficulty is the level. A task's
``family`` is its root kind: every task composed from a root shares the root's family, so
splitting train and validation by family keeps validation roots unseen.

The ``spec`` is what a verifier can check by running a candidate: ``must_trade``,
``long_only``, ``must_use_stop``, the order types it must submit, ``max_position`` (fraction of
the portfolio per position), ``max_holding_bars`` and whether it records ``self.records``. The
behaviour a candidate must reproduce on the probe bars (``spec["expected"]``) comes from running
the teacher (``cs_pipelines.sft.ladder.ground_tasks``); ``generate_tasks`` leaves it ``None``.
"""

from __future__ import annotations

import hashlib
import json
import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from typing import Any

CATEGORIES = (
    "signals_indicators",
    "entries_exits",
    "stops_take_profits",
    "position_sizing_risk",
    "multi_asset_pairs",
    "order_types",
    "rebalancing",
    "market_analysis",
)
DIFFICULTY_LABELS = ("easy", "medium", "hard")
STOP_ORDER_TYPES = ("Stop", "StopLimit", "StopTrail", "StopTrailLimit")

# Root groups: which modifiers apply, and how the teacher writes the strategy.
SIGNAL = "signal"  # one feed, an entry signal and its opposite-signal exit
PAIRS = "pairs"  # two feeds traded as a spread
ROTATION = "rotation"  # the feeds held in turn by momentum
REBALANCE = "rebalance"  # the feeds held at target weights
ANALYSIS = "analysis"  # no trading: an indicator recorded every bar

# Indicators a task may ask to record: kind -> how the instruction names it.
INDICATORS = {
    "sma": "the {period}-bar simple moving average of the close (`bt.indicators.SMA`)",
    "ema": "the {period}-bar exponential moving average of the close (`bt.indicators.EMA`)",
    "rsi": "the {period}-bar RSI of the close (`bt.indicators.RSI`)",
    "atr": "the {period}-bar average true range (`bt.indicators.ATR`)",
    "roc": "the {period}-bar rate of change of the close (`bt.indicators.ROC`)",
    "stddev": "the {period}-bar standard deviation of the close (`bt.indicators.StdDev`)",
}


@dataclass(frozen=True)
class StrategyTaskConfig:
    """How many tasks, how hard, and the parameter ranges they are drawn from (all scalars, so
    Dagster's launchpad shows every field). Fractions (``*_pct``) are 0.05 for 5%."""

    seed: int = 0
    n_tasks: int = 120
    max_level: int = 3
    fast_period_min: int = 5
    fast_period_max: int = 20
    slow_period_min: int = 25
    slow_period_max: int = 60
    lookback_min: int = 10
    lookback_max: int = 40
    stop_pct_min: float = 0.03
    stop_pct_max: float = 0.10
    take_profit_pct_min: float = 0.05
    take_profit_pct_max: float = 0.20
    hold_bars_min: int = 3
    hold_bars_max: int = 20

    def __post_init__(self) -> None:
        problems = [
            message
            for failed, message in [
                (self.n_tasks < 1, "n_tasks must be >= 1"),
                (self.max_level < 1, "max_level must be >= 1"),
                (not 2 <= self.fast_period_min <= self.fast_period_max, "fast periods"),
                (self.slow_period_max < self.fast_period_max + 5, "slow_period_max too small"),
                (self.slow_period_min > self.slow_period_max, "slow periods"),
                (not 2 <= self.lookback_min <= self.lookback_max, "lookbacks"),
                (not 0 < self.stop_pct_min <= self.stop_pct_max < 1, "stop_pct range"),
                (
                    not 0 < self.take_profit_pct_min <= self.take_profit_pct_max,
                    "take_profit_pct range",
                ),
                (not 1 <= self.hold_bars_min <= self.hold_bars_max, "hold_bars range"),
            ]
            if failed
        ]
        if problems:
            raise ValueError(f"invalid StrategyTaskConfig: {', '.join(problems)}")


@dataclass(frozen=True)
class Component:
    """One building block of a strategy: its kind (a key of ``COMPONENTS``) and parameters."""

    kind: str
    params: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "params": dict(self.params)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Component:
        return cls(data["kind"], dict(data.get("params", {})))


Sampler = Callable[[random.Random, StrategyTaskConfig], dict[str, Any]]


@dataclass(frozen=True)
class ComponentType:
    """A grammar entry. Roots have ``group`` (and no ``targets``); modifiers list the root
    groups they apply to in ``targets`` and fill ``slot`` (one component per slot)."""

    kind: str
    category: str
    slot: str
    sample: Sampler
    phrases: tuple[str, ...]
    group: str = ""
    targets: tuple[str, ...] = ()
    class_name: str = ""
    short_rule: str = ""  # signal roots: the mirrored rule, for long/short tasks

    @property
    def is_root(self) -> bool:
        return self.slot == "root"


# ---------------------------------------------------------------------------- parameter sampling


def _fractions(rng: random.Random, low: float, high: float, step: float = 0.005) -> float:
    """A fraction in [low, high] on a grid of ``step`` (so texts say 3.5%, not 3.4871%)."""
    steps = round((high - low) / step)
    return round(low + step * rng.randint(0, steps), 4)


def _cross(rng: random.Random, c: StrategyTaskConfig) -> dict[str, Any]:
    fast = rng.randint(c.fast_period_min, c.fast_period_max)
    slow = rng.randint(max(c.slow_period_min, fast + 5), c.slow_period_max)
    return {"fast": fast, "slow": slow}


# A longer RSI swings less: thresholds it actually crosses, per period.
RSI_LEVELS = {7: ((25, 30), (70, 75)), 10: ((25, 30, 35), (65, 70)), 14: ((30, 35), (60, 65, 70)),
              21: ((35, 40), (60, 65))}  # fmt: skip


def _rsi(rng: random.Random, c: StrategyTaskConfig) -> dict[str, Any]:
    period = rng.choice(sorted(RSI_LEVELS))
    lower, upper = RSI_LEVELS[period]
    return {"period": period, "lower": rng.choice(lower), "upper": rng.choice(upper)}


def _lookback(rng: random.Random, c: StrategyTaskConfig) -> int:
    return rng.randint(c.lookback_min, c.lookback_max)


def _donchian(rng: random.Random, c: StrategyTaskConfig) -> dict[str, Any]:
    return {"period": _lookback(rng, c)}


def _bollinger(rng: random.Random, c: StrategyTaskConfig) -> dict[str, Any]:
    return {"period": _lookback(rng, c), "devfactor": rng.choice([1.5, 2.0, 2.5])}


def _macd(rng: random.Random, c: StrategyTaskConfig) -> dict[str, Any]:
    fast, slow, signal = rng.choice([(12, 26, 9), (8, 21, 5), (5, 35, 5), (10, 30, 7)])
    return {"fast": fast, "slow": slow, "signal": signal}


def _pairs(rng: random.Random, c: StrategyTaskConfig) -> dict[str, Any]:
    return {
        "lookback": _lookback(rng, c),
        "entry_z": rng.choice([1.0, 1.5, 2.0]),
        "exit_z": rng.choice([0.0, 0.25, 0.5]),
        "leg_pct": rng.choice([0.3, 0.4, 0.45]),
    }


def _rotation(rng: random.Random, c: StrategyTaskConfig) -> dict[str, Any]:
    return {
        "lookback": _lookback(rng, c),
        "rebalance_bars": rng.choice([5, 7, 10, 14]),
        "weight_pct": rng.choice([0.5, 0.7, 0.9]),
    }


def _rebalance(rng: random.Random, c: StrategyTaskConfig) -> dict[str, Any]:
    w0, w1 = rng.choice([(0.6, 0.35), (0.5, 0.45), (0.7, 0.25), (0.4, 0.4), (0.3, 0.6)])
    return {"w0_pct": w0, "w1_pct": w1, "rebalance_bars": rng.choice([7, 14, 21, 30])}


def _indicator(rng: random.Random, c: StrategyTaskConfig) -> dict[str, Any]:
    return {"indicator": rng.choice(sorted(INDICATORS)), "period": _lookback(rng, c)}


def _record(rng: random.Random, c: StrategyTaskConfig) -> dict[str, Any]:
    params = _indicator(rng, c)
    return {"record_indicator": params["indicator"], "record_period": params["period"]}


def _rsi_exit(rng: random.Random, c: StrategyTaskConfig) -> dict[str, Any]:
    return {"exit_rsi_period": rng.choice([7, 14]), "exit_level": rng.choice([65, 70, 75, 80])}


def _time_exit(rng: random.Random, c: StrategyTaskConfig) -> dict[str, Any]:
    return {"max_bars": rng.randint(c.hold_bars_min, c.hold_bars_max)}


def _stop(rng: random.Random, c: StrategyTaskConfig) -> dict[str, Any]:
    return {"stop_pct": _fractions(rng, c.stop_pct_min, c.stop_pct_max)}


def _trail(rng: random.Random, c: StrategyTaskConfig) -> dict[str, Any]:
    return {"trail_pct": _fractions(rng, c.stop_pct_min, c.stop_pct_max)}


def _take_profit(rng: random.Random, c: StrategyTaskConfig) -> dict[str, Any]:
    low, high = c.take_profit_pct_min, c.take_profit_pct_max
    return {"take_profit_pct": _fractions(rng, low, high)}


def _percent_equity(rng: random.Random, c: StrategyTaskConfig) -> dict[str, Any]:
    return {"position_pct": rng.choice([0.25, 0.5, 0.75, 0.9])}


def _risk_fraction(rng: random.Random, c: StrategyTaskConfig) -> dict[str, Any]:
    return {
        "risk_pct": rng.choice([0.005, 0.01, 0.02]),
        "atr_period": rng.choice([10, 14, 20]),
        "atr_mult": rng.choice([1.5, 2.0, 3.0]),
        "max_pct": rng.choice([0.5, 0.9]),
    }


def _vol_scaled(rng: random.Random, c: StrategyTaskConfig) -> dict[str, Any]:
    return {
        "target_vol_pct": rng.choice([0.2, 0.3, 0.4, 0.5]),
        "vol_period": rng.choice([20, 30]),
        "max_pct": rng.choice([0.5, 0.9]),
    }


def _entry_order(rng: random.Random, c: StrategyTaskConfig) -> dict[str, Any]:
    return {"offset_pct": rng.choice([0.005, 0.01, 0.02]), "valid_bars": rng.choice([2, 3, 5])}


def _band(rng: random.Random, c: StrategyTaskConfig) -> dict[str, Any]:
    return {"band_pct": rng.choice([0.02, 0.05, 0.1])}


def _nothing(rng: random.Random, c: StrategyTaskConfig) -> dict[str, Any]:
    return {}


# ------------------------------------------------------------------------------------ the grammar


def _root(
    kind: str,
    category: str,
    group: str,
    sample: Sampler,
    name: str,
    *phrases: str,
    short_rule: str = "",
) -> ComponentType:
    return ComponentType(kind, category, "root", sample, phrases, group, (), name, short_rule)


def _modifier(
    kind: str, category: str, slot: str, targets: tuple[str, ...], sample: Sampler, *phrases: str
) -> ComponentType:
    return ComponentType(kind, category, slot, sample, phrases, "", targets)


_CROSS_SHORT = "go short when the fast {ma} crosses below the slow one and cover on the crossover"
_ROOTS = [
    _root(
        "sma_cross", "signals_indicators", SIGNAL, _cross, "SmaCross",
        "goes long when the {fast}-bar simple moving average of the close crosses above the "
        "{slow}-bar simple moving average, and closes the position when it crosses back below",
        "buys when the {fast}-period SMA crosses over the {slow}-period SMA "
        "(`bt.indicators.CrossOver`) and exits the long on the opposite crossover",
        short_rule=_CROSS_SHORT.replace("{ma}", "SMA"),
    ),
    _root(
        "ema_cross", "signals_indicators", SIGNAL, _cross, "EmaCross",
        "goes long when the {fast}-bar exponential moving average of the close crosses above "
        "the {slow}-bar EMA, and closes the position when it crosses back below",
        "buys on a crossover of the {fast}-period EMA above the {slow}-period EMA "
        "(`bt.indicators.CrossOver`) and sells the long on the crossunder",
        short_rule=_CROSS_SHORT.replace("{ma}", "EMA"),
    ),
    _root(
        "rsi_threshold", "signals_indicators", SIGNAL, _rsi, "RsiReversion",
        "buys when the {period}-bar RSI of the close is below {lower} and closes the position "
        "once the RSI is above {upper}",
        "trades RSI mean reversion: it enters long while `bt.indicators.RSI` (period {period}) "
        "is under {lower} and exits when it is over {upper}",
        short_rule="go short while the RSI is above {upper} and cover once it is below {lower}",
    ),
    _root(
        "donchian_breakout", "signals_indicators", SIGNAL, _donchian, "DonchianBreakout",
        "goes long when the close breaks above the highest high of the previous {period} bars "
        "(not counting the current bar) and exits when the close falls below the lowest low of "
        "the previous {period} bars",
        "trades a {period}-bar Donchian channel breakout: buy when the close exceeds the prior "
        "{period} bars' high (`bt.indicators.Highest` of `self.data.high(-1)`), exit when it "
        "drops under the prior {period} bars' low",
        short_rule="go short when the close breaks below the prior {period}-bar low and cover "
        "when it breaks above the prior {period}-bar high",
    ),
    _root(
        "bollinger_touch", "signals_indicators", SIGNAL, _bollinger, "BollingerReversion",
        "buys when the close falls below the lower Bollinger band ({period} bars, {devfactor} "
        "standard deviations) and exits when the close rises back above the middle band",
        "fades Bollinger band extremes: with `bt.indicators.BollingerBands(period={period}, "
        "devfactor={devfactor})` it goes long when the close is under the bottom band and "
        "closes the long when the close is over the middle band",
        short_rule="go short when the close is above the top band and cover when it falls "
        "below the middle band",
    ),
    _root(
        "macd_cross", "signals_indicators", SIGNAL, _macd, "MacdCross",
        "goes long when the MACD line ({fast}- and {slow}-bar EMAs) crosses above its "
        "{signal}-bar signal line and exits when it crosses back below",
        "buys on a bullish crossover of `bt.indicators.MACD(period_me1={fast}, "
        "period_me2={slow}, period_signal={signal})` over its signal line and sells the long "
        "on the bearish crossover",
        short_rule="go short when the MACD line crosses below the signal line and cover when "
        "it crosses back above",
    ),
    _root(
        "pairs_zscore", "multi_asset_pairs", PAIRS, _pairs, "PairsZScore",
        "trades the two feeds as a pair: it computes the z-score of the ratio of the first "
        "feed's close to the second feed's close against the ratio's {lookback}-bar mean and "
        "standard deviation (`bt.indicators.SMA`, `bt.indicators.StdDev`); when flat and the "
        "z-score is above {entry_z} it shorts the first feed and buys the second, when it is "
        "below -{entry_z} it buys the first and shorts the second, each leg at {leg_pct} of the "
        "portfolio value; it closes both legs when the z-score reverts "
        "(z >= {neg_exit_z} while long the first feed, z <= {exit_z} while short it)",
    ),
    _root(
        "momentum_rotation", "multi_asset_pairs", ROTATION, _rotation, "MomentumRotation",
        "rotates between the data feeds by momentum: every {rebalance_bars} bars (when "
        "`len(self)` is a multiple of {rebalance_bars}) it targets {weight_pct} of the "
        "portfolio value in the feed with the highest {lookback}-bar rate of change "
        "(`bt.indicators.ROC`) and 0 in every other feed, submitting the sells before the buy",
    ),
    _root(
        "target_rebalance", "rebalancing", REBALANCE, _rebalance, "TargetWeights",
        "holds a two-asset portfolio at target weights: whenever `(len(self) - 1)` is a "
        "multiple of {rebalance_bars} it rebalances to {w0_pct} of the portfolio value in the "
        "first feed and {w1_pct} in the second, submitting the order of the most overweight "
        "asset first so that sells fund buys",
    ),
    _root(
        "indicator_record", "market_analysis", ANALYSIS, _indicator, "IndicatorRecorder",
        "does not trade: it computes {indicator_text} and appends its current value, as a "
        "float, to a list `self.records` on every call of `next`",
        "is an analysis-only strategy that never places an order; it keeps {indicator_text} "
        "and records its value each bar by appending `float(...)` to `self.records` in `next`",
    ),
]  # fmt: skip

_SIGNAL_ONLY = (SIGNAL,)
_MODIFIERS = [
    _modifier(
        "rsi_exit", "entries_exits", "exit_rule", _SIGNAL_ONLY, _rsi_exit,
        "Also close a long early when the {exit_rsi_period}-bar RSI rises above {exit_level} "
        "(a short, if any, when it falls below {exit_level_low}).",
        "Add an RSI exit: leave a long position once RSI({exit_rsi_period}) is above "
        "{exit_level} (shorts mirror it below {exit_level_low}), whatever the main signal says.",
    ),
    _modifier(
        "time_exit", "entries_exits", "holding", (SIGNAL, PAIRS), _time_exit,
        "Close any position that has been open for {max_bars} bars, counting from the bar on "
        "which its entry filled.",
        "Never hold a position longer than {max_bars} bars: close it once {max_bars} bars have "
        "passed since the entry filled.",
    ),
    _modifier(
        "long_short", "entries_exits", "direction", _SIGNAL_ONLY, _nothing,
        "Trade the short side too: {short_rule}. When the exit of one side fires together with "
        "the entry of the other, reverse on that bar; mirror every other rule for shorts, and "
        "unless a sizing rule says otherwise size each entry at 95% of the portfolio value.",
    ),
    _modifier(
        "cash_filter", "entries_exits", "filter", (ROTATION,), _nothing,
        "Hold only cash (target 0 in every feed) when even the best rate of change is not "
        "positive.",
    ),
    _modifier(
        "stop_loss", "stops_take_profits", "stop", _SIGNAL_ONLY, _stop,
        "As soon as an entry fills, protect it with a stop-loss order (`bt.Order.Stop`) "
        "{stop_pct} beyond the fill price (below it for a long); it must not outlive the "
        "position when the strategy exits another way.",
        "Place a protective stop (`exectype=bt.Order.Stop`) {stop_pct} below the entry fill "
        "price of a long (above it for a short) right after the entry completes, and make sure "
        "a signal exit cancels it (OCO or `cancel`).",
    ),
    _modifier(
        "trailing_stop", "stops_take_profits", "stop", _SIGNAL_ONLY, _trail,
        "As soon as an entry fills, protect it with a trailing stop (`bt.Order.StopTrail`) that "
        "trails the price by {trail_pct}; it must not outlive the position when the strategy "
        "exits another way.",
        "Right after an entry completes, submit a `bt.Order.StopTrail` exit with "
        "`trailpercent={trail_frac}`, and cancel it (or link it by OCO) when a signal exit "
        "closes the position first.",
    ),
    _modifier(
        "take_profit", "stops_take_profits", "target", _SIGNAL_ONLY, _take_profit,
        "As soon as an entry fills, place a take-profit limit order (`bt.Order.Limit`) "
        "{take_profit_pct} beyond the fill price (above it for a long); link it by OCO with any "
        "stop so that one cancels the other, and do not leave it behind after another exit.",
        "Take profits with a `bt.Order.Limit` exit at {take_profit_pct} above a long's entry "
        "fill price (below it for a short), placed when the entry completes and cancelled "
        "(OCO) by any other exit.",
    ),
    _modifier(
        "percent_equity", "position_sizing_risk", "sizing", _SIGNAL_ONLY, _percent_equity,
        "Size every entry at {position_pct} of the current portfolio value "
        "(units = value x fraction / close).",
        "Each new position should be worth {position_pct} of `self.broker.getvalue()` at the "
        "signal bar's close; pass the size explicitly.",
    ),
    _modifier(
        "risk_fraction", "position_sizing_risk", "sizing", _SIGNAL_ONLY, _risk_fraction,
        "Size entries by risk: a move of {atr_mult} x the {atr_period}-bar ATR against the "
        "position should lose {risk_pct} of the portfolio value, but never put more than "
        "{max_pct} of the portfolio value into one position.",
    ),
    _modifier(
        "vol_scaled", "position_sizing_risk", "sizing", _SIGNAL_ONLY, _vol_scaled,
        "Scale entries to a {target_vol_pct} annualised volatility target: the position's "
        "share of the portfolio value is the target divided by the {vol_period}-bar standard "
        "deviation of close-to-close returns (`bt.indicators.PctChange`, "
        "`bt.indicators.StdDev`) times sqrt(365), capped at {max_pct}.",
    ),
    _modifier(
        "limit_entry", "order_types", "entry_order", _SIGNAL_ONLY, _entry_order,
        "Enter with a limit order (`bt.Order.Limit`) {offset_pct} better than the signal bar's "
        "close (below it for a buy) instead of a market order, and cancel it if it has not "
        "filled {valid_bars} bars after it was placed.",
        "Instead of market entries, use `bt.Order.Limit` entries priced {offset_pct} below the "
        "close for a buy (above it for a sell); cancel an unfilled entry after {valid_bars} "
        "bars.",
    ),
    _modifier(
        "stop_entry", "order_types", "entry_order", _SIGNAL_ONLY, _entry_order,
        "Enter with a stop order (`bt.Order.Stop`) {offset_pct} beyond the signal bar's close "
        "(above it for a buy) to confirm the move, and cancel it if it has not triggered "
        "{valid_bars} bars after it was placed.",
    ),
    _modifier(
        "record_indicator", "market_analysis", "record", (SIGNAL, PAIRS, ROTATION, REBALANCE),
        _record,
        "Also keep {record_text} of the first feed and append its value (a float) to "
        "`self.records` at the start of every `next` call.",
        "For later analysis, record {record_text} of `self.datas[0]`: append `float(...)` of "
        "its current value to a list `self.records` first thing in each `next`.",
    ),
    _modifier(
        "drift_band", "rebalancing", "band", (REBALANCE,), _band,
        "On a rebalancing bar, trade only when some asset's weight has drifted more than "
        "{band_pct} (absolute) from its target.",
    ),
]  # fmt: skip

COMPONENTS: dict[str, ComponentType] = {c.kind: c for c in [*_ROOTS, *_MODIFIERS]}
ROOT_KINDS = tuple(c.kind for c in _ROOTS)
MODIFIER_KINDS = tuple(c.kind for c in _MODIFIERS)
FEEDS_BY_GROUP = {SIGNAL: 1, ANALYSIS: 1, PAIRS: 2, ROTATION: 2, REBALANCE: 2}
MODIFIER_CATEGORIES = tuple(c for c in CATEGORIES if any(m.category == c for m in _MODIFIERS))
REQUIRED_ORDER_TYPES = {
    "stop_loss": "Stop",
    "trailing_stop": "StopTrail",
    "take_profit": "Limit",
    "limit_entry": "Limit",
    "stop_entry": "Stop",
}
NOT_STRATEGY_PARAMS = ("indicator", "record_indicator")  # code structure, not ``params``


# --------------------------------------------------------------------------------------- the task


@dataclass(frozen=True)
class StrategyTask:
    """One strategy to write. ``difficulty`` is the composition level (1 = a single root);
    ``spec`` is JSON-serialisable (see the module docstring); ``parents`` are the ids of the
    tasks it was composed from."""

    task_id: str
    family: str
    category: str
    difficulty: int
    difficulty_label: str
    instruction: str
    spec: dict[str, Any]
    parents: tuple[str, ...] = ()

    @property
    def level(self) -> int:
        return self.difficulty

    @property
    def components(self) -> list[Component]:
        return [Component.from_dict(c) for c in self.spec["components"]]

    @property
    def class_name(self) -> str:
        return self.spec["class_name"]

    @property
    def n_feeds(self) -> int:
        return int(self.spec["n_feeds"])

    def with_expected(self, expected: dict[str, Any] | None) -> StrategyTask:
        """A copy whose spec holds the behaviour a candidate must reproduce on the probe."""
        return replace(self, spec={**self.spec, "expected": expected})

    def to_record(self) -> dict[str, Any]:
        """A flat row for a table: the spec as a JSON string, parents as a list."""
        return {
            "task_id": self.task_id,
            "family": self.family,
            "category": self.category,
            "difficulty": self.difficulty,
            "difficulty_label": self.difficulty_label,
            "instruction": self.instruction,
            "spec": json.dumps(self.spec, sort_keys=True),
            "parents": list(self.parents),
        }

    @classmethod
    def from_record(cls, record: dict[str, Any]) -> StrategyTask:
        spec = record["spec"]
        return cls(
            task_id=record["task_id"],
            family=record["family"],
            category=record["category"],
            difficulty=int(record["difficulty"]),
            difficulty_label=record["difficulty_label"],
            instruction=record["instruction"],
            spec=json.loads(spec) if isinstance(spec, str) else dict(spec),
            parents=tuple(record.get("parents") or ()),
        )


def task_id(components: list[Component]) -> str:
    """Stable id of a component combination: the root, then the modifiers in any order."""
    root, *modifiers = (c.to_dict() for c in components)
    modifiers.sort(key=lambda c: json.dumps(c, sort_keys=True))
    payload = json.dumps([root, modifiers], sort_keys=True)
    return "st-" + hashlib.sha1(payload.encode()).hexdigest()[:12]


def difficulty_label(level: int) -> str:
    return DIFFICULTY_LABELS[min(level, len(DIFFICULTY_LABELS)) - 1]


def merged_params(components: list[Component]) -> dict[str, Any]:
    """Every component's parameters in one mapping (parameter names are unique by design)."""
    return {key: value for c in components for key, value in c.params.items()}


def strategy_params(components: list[Component]) -> dict[str, Any]:
    """The parameters the strategy's ``params`` tuple holds."""
    params = merged_params(components)
    return {k: v for k, v in params.items() if k not in NOT_STRATEGY_PARAMS}


# ------------------------------------------------------------------------------------- the spec


def build_spec(components: list[Component], class_name: str) -> dict[str, Any]:
    kinds = {c.kind for c in components}
    group = COMPONENTS[components[0].kind].group
    params = merged_params(components)
    return {
        "class_name": class_name,
        "components": [c.to_dict() for c in components],
        "n_feeds": FEEDS_BY_GROUP[group],
        "must_trade": group != ANALYSIS,
        "long_only": "long_short" not in kinds and group != PAIRS,
        "must_use_stop": bool(kinds & {"stop_loss", "trailing_stop"}),
        "order_types": sorted({REQUIRED_ORDER_TYPES[k] for k in kinds & set(REQUIRED_ORDER_TYPES)}),
        "max_position": max_position(group, kinds, params),
        # an exit decided on bar N fills at the next bar's open: a trade lasts N + 1 bars
        "max_holding_bars": params["max_bars"] + 1 if "time_exit" in kinds else None,
        "records": group == ANALYSIS or "record_indicator" in kinds,
        "expected": None,
    }


def max_position(group: str, kinds: set[str], params: dict[str, Any]) -> float | None:
    """The largest share of the portfolio one position may take at entry, where the task
    sets one."""
    if group == PAIRS:
        return params["leg_pct"]
    if group == ROTATION:
        return params["weight_pct"]
    if group == REBALANCE:
        return max(params["w0_pct"], params["w1_pct"])
    if "percent_equity" in kinds:
        return params["position_pct"]
    if kinds & {"risk_fraction", "vol_scaled"}:
        return params["max_pct"]
    return None


# ------------------------------------------------------------------------------ the instruction

_OPENERS = (
    "Write a backtrader strategy class named `{cls}` that {root}.",
    "Implement `{cls}`, a `bt.Strategy` subclass that {root}.",
    "Create a backtrader strategy called `{cls}`. It {root}.",
)
_TWO_FEEDS = (
    "The strategy receives two data feeds with aligned bars, `self.datas[0]` and "
    "`self.datas[1]`. Target positions in fractional units (weight x portfolio value / close, "
    "with `order_target_size`): backtrader's `order_target_percent` rounds to whole units, "
    "which is nothing at crypto prices."
)
_CLOSERS = (
    "Use market orders unless told otherwise, and import only `backtrader` (and `math` if you "
    "need it).",
    "Orders are market orders unless stated otherwise; import nothing but `backtrader` and, if "
    "needed, the standard-library `math` module.",
)


def _percent(value: float) -> str:
    return f"{value * 100:g}%"


def phrase_values(components: list[Component]) -> dict[str, Any]:
    """What the phrase templates may name: every parameter (fractions as percents) and a few
    derived texts."""
    params = merged_params(components)
    values: dict[str, Any] = {
        key: _percent(value) if key.endswith("_pct") else value for key, value in params.items()
    }
    if "indicator" in params:
        values["indicator_text"] = INDICATORS[params["indicator"]].format(period=params["period"])
    if "record_indicator" in params:
        text = INDICATORS[params["record_indicator"]]
        values["record_text"] = text.format(period=params["record_period"])
    if "exit_level" in params:
        values["exit_level_low"] = 100 - params["exit_level"]
    if "trail_pct" in params:
        values["trail_frac"] = params["trail_pct"]
    if "exit_z" in params:
        values["neg_exit_z"] = -params["exit_z"] if params["exit_z"] else 0.0
    values["short_rule"] = COMPONENTS[components[0].kind].short_rule.format(**values)
    return values


def instruction_text(components: list[Component], class_name: str, rng: random.Random) -> str:
    values = phrase_values(components)
    root, *modifiers = components
    root_phrase = rng.choice(COMPONENTS[root.kind].phrases).format(**values)
    parts = [rng.choice(_OPENERS).format(cls=class_name, root=root_phrase)]
    if FEEDS_BY_GROUP[COMPONENTS[root.kind].group] == 2:
        parts.append(_TWO_FEEDS)
    parts += [rng.choice(COMPONENTS[m.kind].phrases).format(**values) for m in modifiers]
    parts.append(rng.choice(_CLOSERS))
    return " ".join(parts)


# -------------------------------------------------------------------------------- the generator


def make_task(
    components: list[Component], parents: tuple[str, ...], rng: random.Random
) -> StrategyTask:
    root = COMPONENTS[components[0].kind]
    class_name = rng.choice([root.class_name, "Strategy", f"{root.class_name}Strategy"])
    level = len(components)
    return StrategyTask(
        task_id=task_id(components),
        family=root.kind,
        category=COMPONENTS[components[-1].kind].category,
        difficulty=level,
        difficulty_label=difficulty_label(level),
        instruction=instruction_text(components, class_name, rng),
        spec=build_spec(components, class_name),
        parents=parents,
    )


def compatible(task: StrategyTask, modifier: ComponentType) -> bool:
    """Whether ``modifier`` applies to the task's root and its slot is still free."""
    components = task.components
    group = COMPONENTS[components[0].kind].group
    used = {COMPONENTS[c.kind].slot for c in components[1:]}
    return group in modifier.targets and modifier.slot not in used


def _root_task(kind: str, rng: random.Random, config: StrategyTaskConfig) -> StrategyTask:
    params = COMPONENTS[kind].sample(rng, config)
    return make_task([Component(kind, params)], (), rng)


def _composed_task(
    category: str, parents: list[StrategyTask], rng: random.Random, config: StrategyTaskConfig
) -> StrategyTask | None:
    """A parent plus one compatible modifier of ``category``; None when no pair fits."""
    modifiers = [m for m in _MODIFIERS if m.category == category]
    options = [(p, m) for p in parents for m in modifiers if compatible(p, m)]
    if not options:
        return None
    parent, modifier = rng.choice(options)
    added = Component(modifier.kind, modifier.sample(rng, config))
    return make_task([*parent.components, added], (parent.task_id,), rng)


def level_quotas(config: StrategyTaskConfig) -> list[int]:
    """Tasks per level: an even split, the remainder to the easier levels."""
    base, extra = divmod(config.n_tasks, config.max_level)
    return [base + (1 if level < extra else 0) for level in range(config.max_level)]


def _proposals(
    level: int, previous: list[StrategyTask], rng: random.Random, config: StrategyTaskConfig
) -> Iterator[StrategyTask | None]:
    """Round-robin over root kinds (level 1) or modifier categories (higher levels), so every
    root and every category shows up."""
    keys = ROOT_KINDS if level == 1 else MODIFIER_CATEGORIES
    index = 0
    while True:
        key = keys[index % len(keys)]
        index += 1
        yield (
            _root_task(key, rng, config)
            if level == 1
            else _composed_task(key, previous, rng, config)
        )


def generate_tasks(config: StrategyTaskConfig | None = None) -> list[StrategyTask]:
    """``config.n_tasks`` distinct tasks (fewer only if the grammar runs out), levels 1 to
    ``config.max_level`` in order; the same config always gives the same tasks."""
    config = config or StrategyTaskConfig()
    rng = random.Random(config.seed)
    seen: set[str] = set()
    tasks: list[StrategyTask] = []
    previous: list[StrategyTask] = []
    for level, quota in enumerate(level_quotas(config), start=1):
        made: list[StrategyTask] = []
        proposals = _proposals(level, previous, rng, config)
        for _ in range(quota * 25):
            if len(made) >= quota:
                break
            task = next(proposals)
            if task is not None and task.task_id not in seen:
                seen.add(task.task_id)
                made.append(task)
        tasks += made
        previous = made
    return tasks
