"""The teacher: correct, idiomatic backtrader code for a task, assembled from its components.

Each root kind has a writer that lays out the strategy (indicators in ``__init__``, the decision
in ``next``); modifiers add parameters, indicators, helper methods and exit conditions to it.
The code imports only ``backtrader`` (and ``math`` when volatility is annualised) and defines
exactly the class the instruction names.

Conventions the verifier relies on (and the instructions state):

* orders are market orders unless an entry-order modifier says otherwise; a market order
  decided on bar ``t`` fills at bar ``t + 1``'s open;
* protective orders (stop, trailing stop, take-profit) are placed when the entry fills, in one
  OCO group; a signal exit joins that group (``close(oco=...)``), so whichever fills first
  cancels the others and a position is never closed twice (which would open a short);
* backtrader notifies *copies* of orders, so orders are matched by ``ref``, never by identity.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass, field
from typing import Any

from cs_pipelines.sft.tasks import (
    ANALYSIS,
    COMPONENTS,
    PAIRS,
    REBALANCE,
    ROTATION,
    SIGNAL,
    Component,
    StrategyTask,
    strategy_params,
)

INDENT = "    "
MAX_LINE = 96

INDICATOR_CALLS = {
    "sma": "bt.indicators.SMA({data}.close, period={period})",
    "ema": "bt.indicators.EMA({data}.close, period={period})",
    "rsi": "bt.indicators.RSI({data}.close, period={period})",
    "atr": "bt.indicators.ATR({data}, period={period})",
    "roc": "bt.indicators.ROC({data}.close, period={period})",
    "stddev": "bt.indicators.StdDev({data}.close, period={period})",
}

SUMMARIES = {
    "sma_cross": "SMA crossover trend follower",
    "ema_cross": "EMA crossover trend follower",
    "rsi_threshold": "RSI mean reversion",
    "donchian_breakout": "Donchian channel breakout",
    "bollinger_touch": "Bollinger band mean reversion",
    "macd_cross": "MACD signal-line crossover",
    "pairs_zscore": "Ratio z-score pairs trade",
    "momentum_rotation": "Momentum rotation between the feeds",
    "target_rebalance": "Fixed-weight two-asset portfolio, rebalanced on a schedule",
    "indicator_record": "Records an indicator every bar and never trades",
    "rsi_exit": "an RSI exit",
    "time_exit": "a time exit",
    "long_short": "both long and short trades",
    "cash_filter": "a cash filter",
    "stop_loss": "a stop-loss",
    "trailing_stop": "a trailing stop",
    "take_profit": "a take-profit",
    "percent_equity": "percent-of-equity sizing",
    "risk_fraction": "ATR risk sizing",
    "vol_scaled": "volatility-targeted sizing",
    "limit_entry": "limit-order entries",
    "stop_entry": "stop-order entries",
    "record_indicator": "an indicator recorded every bar",
    "drift_band": "a drift band",
}


@dataclass(frozen=True)
class Signal:
    """An entry signal: indicator lines for ``__init__`` and the four conditions."""

    init: tuple[str, ...]
    long_entry: str
    long_exit: str
    short_entry: str
    short_exit: str


def _crossing(fast: str, slow: str) -> Signal:
    return Signal(
        (
            f"fast = {fast}",
            f"slow = {slow}",
            "self.crossover = bt.indicators.CrossOver(fast, slow)",
        ),
        "self.crossover[0] > 0",
        "self.crossover[0] < 0",
        "self.crossover[0] < 0",
        "self.crossover[0] > 0",
    )


SIGNALS = {
    "sma_cross": _crossing(
        "bt.indicators.SMA(self.data.close, period=self.p.fast)",
        "bt.indicators.SMA(self.data.close, period=self.p.slow)",
    ),
    "ema_cross": _crossing(
        "bt.indicators.EMA(self.data.close, period=self.p.fast)",
        "bt.indicators.EMA(self.data.close, period=self.p.slow)",
    ),
    "rsi_threshold": Signal(
        ("self.rsi = bt.indicators.RSI(self.data.close, period=self.p.period)",),
        "self.rsi[0] < self.p.lower",
        "self.rsi[0] > self.p.upper",
        "self.rsi[0] > self.p.upper",
        "self.rsi[0] < self.p.lower",
    ),
    "donchian_breakout": Signal(
        (
            "# the channel of the previous bars: high(-1) leaves the current bar out",
            "self.upper = bt.indicators.Highest(self.data.high(-1), period=self.p.period)",
            "self.lower = bt.indicators.Lowest(self.data.low(-1), period=self.p.period)",
        ),
        "self.data.close[0] > self.upper[0]",
        "self.data.close[0] < self.lower[0]",
        "self.data.close[0] < self.lower[0]",
        "self.data.close[0] > self.upper[0]",
    ),
    "bollinger_touch": Signal(
        (
            "self.bands = bt.indicators.BollingerBands(",
            "    self.data.close, period=self.p.period, devfactor=self.p.devfactor",
            ")",
        ),
        "self.data.close[0] < self.bands.bot[0]",
        "self.data.close[0] > self.bands.mid[0]",
        "self.data.close[0] > self.bands.top[0]",
        "self.data.close[0] < self.bands.mid[0]",
    ),
    "macd_cross": Signal(
        (
            "macd = bt.indicators.MACD(",
            "    self.data.close,",
            "    period_me1=self.p.fast,",
            "    period_me2=self.p.slow,",
            "    period_signal=self.p.signal,",
            ")",
            "self.crossover = bt.indicators.CrossOver(macd.macd, macd.signal)",
        ),
        "self.crossover[0] > 0",
        "self.crossover[0] < 0",
        "self.crossover[0] < 0",
        "self.crossover[0] > 0",
    ),
}


# ------------------------------------------------------------------------------- code assembly


@dataclass
class StrategyCode:
    """A strategy class being assembled; ``render`` writes the module."""

    name: str
    doc: str
    params: dict[str, Any]
    init: list[str] = field(default_factory=list)
    methods: list[list[str]] = field(default_factory=list)
    imports_math: bool = False

    def render(self) -> str:
        head = ["import backtrader as bt"] + (["import math"] if self.imports_math else [])
        body = _docstring_lines(self.doc)
        if self.params:
            body += ["", "params = ("]
            body += [f'{INDENT}("{name}", {value!r}),' for name, value in self.params.items()]
            body.append(")")
        init = [_def("__init__(self)", self.init)] if self.init else []
        for method in [*init, *self.methods]:
            body += ["", *method]
        lines = [*head, "", "", f"class {self.name}(bt.Strategy):", *_indented(body)]
        return "\n".join(line.rstrip() for line in lines) + "\n"


def _docstring_lines(doc: str, depth: int = 1) -> list[str]:
    """A docstring at ``depth`` indents, wrapped to the line length."""
    return textwrap.wrap(f'"""{doc}"""', width=MAX_LINE - len(INDENT) * depth)


def _indented(lines: list[str], depth: int = 1) -> list[str]:
    return [INDENT * depth + line if line else line for line in lines]


def _def(signature: str, body: list[str], doc: str = "") -> list[str]:
    docline = _docstring_lines(doc, depth=2) if doc else []
    return [f"def {signature}:", *_indented([*docline, *body])]


def _if(condition: str | list[str], body: list[str], keyword: str = "if") -> list[str]:
    """An ``if``/``elif``/``for`` block; a list of conditions is joined by ``or``, one per line
    when they do not fit on one."""
    conditions = [condition] if isinstance(condition, str) else condition
    line = f"{keyword} {' or '.join(conditions)}:"
    if len(conditions) == 1 or len(line) <= MAX_LINE - 12:
        return [line, *_indented(body)]
    joined = [conditions[0], *(f"or {c}" for c in conditions[1:])]
    return [f"{keyword} (", *_indented(joined), "):", *_indented(body)]


def _call(prefix: str, args: list[str], suffix: str = "") -> list[str]:
    """``prefix(arg, ...)suffix`` on one line, or one argument per line when too long."""
    line = f"{prefix}({', '.join(args)}){suffix}"
    if len(line) <= MAX_LINE - 8:
        return [line]
    return [f"{prefix}(", *_indented([f"{arg}," for arg in args]), f"){suffix}"]


def _docstring(components: list[Component]) -> str:
    root, *modifiers = (SUMMARIES[c.kind] for c in components)
    if not modifiers:
        return f"{root}."
    extras = modifiers[0] if len(modifiers) == 1 else ", ".join(modifiers[:-1])
    if len(modifiers) > 1:
        extras += f" and {modifiers[-1]}"
    return f"{root}, with {extras}."


def _record_lines(kinds: dict[str, Component]) -> tuple[list[str], list[str]]:
    """``__init__`` and ``next`` lines of the record modifier (none without it)."""
    if "record_indicator" not in kinds:
        return [], []
    params = kinds["record_indicator"].params
    call = INDICATOR_CALLS[params["record_indicator"]]
    indicator = call.format(data="self.data", period="self.p.record_period")
    init = [f"self.recorded = {indicator}", "self.records = []"]
    return init, ["self.records.append(float(self.recorded[0]))"]


def teacher_candidate(task: StrategyTask) -> str:
    """The reference solution of ``task``: a self-contained module defining its class."""
    components = task.components
    group = COMPONENTS[components[0].kind].group
    code = StrategyCode(task.class_name, _docstring(components), _params(components, group))
    WRITERS[group](code, components)
    return code.render()


def _params(components: list[Component], group: str) -> dict[str, Any]:
    params = strategy_params(components)
    if group == REBALANCE:  # two weights read better as one tuple
        weights = (params.pop("w0_pct"), params.pop("w1_pct"))
        params = {"weights": weights, **params}
    return params


# ------------------------------------------------------------------------------ signal strategies


@dataclass(frozen=True)
class SignalPlan:
    """What the modifiers of a signal strategy ask for."""

    kinds: dict[str, Component]
    signal: Signal

    @property
    def long_short(self) -> bool:
        return "long_short" in self.kinds

    @property
    def sizing(self) -> str | None:
        sizings = ("percent_equity", "risk_fraction", "vol_scaled")
        return next((k for k in sizings if k in self.kinds), None)

    @property
    def entry_order(self) -> str | None:
        return next((k for k in ("limit_entry", "stop_entry") if k in self.kinds), None)

    @property
    def protection(self) -> list[str]:
        return [k for k in ("stop_loss", "trailing_stop", "take_profit") if k in self.kinds]

    @property
    def timed(self) -> bool:
        return "time_exit" in self.kinds

    @property
    def tracked(self) -> bool:
        """Whether the strategy must follow its entry order (fill price, fill bar, expiry)."""
        return bool(self.protection or self.entry_order or self.timed)

    @property
    def explicit_size(self) -> bool:
        return self.sizing is not None or self.long_short


def write_signal(code: StrategyCode, components: list[Component]) -> None:
    plan = SignalPlan({c.kind: c for c in components}, SIGNALS[components[0].kind])
    record_init, record_next = _record_lines(plan.kinds)
    code.init += [*plan.signal.init, *_modifier_init(plan), *record_init, *_state_init(plan)]
    if plan.tracked:
        code.methods.append(_notify_order(plan))
    code.methods.append(_def("next(self)", [*record_next, *_signal_next(plan)]))
    code.methods += _helpers(plan)
    code.imports_math = plan.sizing == "vol_scaled"


def _modifier_init(plan: SignalPlan) -> list[str]:
    lines = []
    if "rsi_exit" in plan.kinds:
        rsi = "bt.indicators.RSI(self.data.close, period=self.p.exit_rsi_period)"
        lines.append(f"self.exit_rsi = {rsi}")
    if plan.sizing == "risk_fraction":
        lines.append("self.atr = bt.indicators.ATR(self.data, period=self.p.atr_period)")
    if plan.sizing == "vol_scaled":
        lines += [
            "returns = bt.indicators.PctChange(self.data.close, period=1)",
            "self.volatility = bt.indicators.StdDev(returns, period=self.p.vol_period)",
        ]
    return lines


def _state_init(plan: SignalPlan) -> list[str]:
    lines = ["self.order = None  # the pending entry order"] if plan.tracked else []
    if plan.entry_order:
        lines.append("self.order_bar = None  # the bar the entry order was placed on")
    if plan.timed:
        lines.append("self.entry_bar = None  # the bar the position's entry filled on")
    if plan.protection:
        lines.append("self.protective = []  # the open position's exit orders (one OCO group)")
    return lines


def _notify_order(plan: SignalPlan) -> list[str]:
    on_fill = ["self.entry_bar = len(self)"] if plan.timed else []
    if plan.protection:
        uses_price = plan.protection != ["trailing_stop"]
        on_fill.append(f"self.protect({'order.executed.price' if uses_price else ''})")
    body = [
        "# backtrader notifies copies of orders: match them by ref",
        *_if("self.order is None or order.ref != self.order.ref", ["return"]),
        *_if("order.alive()", ["return  # submitted or accepted: still working"]),
        "self.order = None",
    ]
    if on_fill:
        body += _if("order.status == order.Completed", on_fill)
    return _def("notify_order(self, order)", body)


def _exit_conditions(plan: SignalPlan, side: str) -> list[str]:
    conditions = [plan.signal.long_exit if side == "long" else plan.signal.short_exit]
    if "rsi_exit" in plan.kinds:
        level = "self.p.exit_level" if side == "long" else "100 - self.p.exit_level"
        conditions.append(f"self.exit_rsi[0] {'>' if side == 'long' else '<'} {level}")
    if plan.timed:
        conditions.append("len(self) - self.entry_bar >= self.p.max_bars")
    return conditions


def _enter(plan: SignalPlan, side: str) -> list[str]:
    """The lines that open a position (``side`` is ``buy`` or ``sell``)."""
    if plan.entry_order:
        return [f"self.enter_{'long' if side == 'buy' else 'short'}()"]
    args = ["size=self.order_size()"] if plan.explicit_size else []
    target = "self.order = " if plan.tracked else ""
    return _call(f"{target}self.{side}", args)


def _exit(plan: SignalPlan) -> list[str]:
    return ["self.exit_position()"] if plan.protection else ["self.close()"]


def _signal_next(plan: SignalPlan) -> list[str]:
    lines: list[str] = []
    if plan.tracked:
        waiting = ["return"]
        if plan.entry_order:
            expired = "len(self) - self.order_bar >= self.p.valid_bars"
            waiting = [*_if(expired, ["self.cancel(self.order)"]), "return"]
        lines += _if("self.order is not None", waiting)
    signal = plan.signal
    long_exit = _exit_conditions(plan, "long")
    if not plan.long_short:
        return [
            *lines,
            *_if("not self.position", _if(signal.long_entry, _enter(plan, "buy"))),
            *_if(long_exit, _exit(plan), keyword="elif"),
        ]
    short_exit = _exit_conditions(plan, "short")
    reverse_to_short = _if(signal.short_entry, _enter(plan, "sell"))
    reverse_to_long = _if(signal.long_entry, _enter(plan, "buy"))
    return [
        *lines,
        *_if("self.position.size > 0", _if(long_exit, [*_exit(plan), *reverse_to_short])),
        *_if("self.position.size < 0", _if(short_exit, [*_exit(plan), *reverse_to_long]), "elif"),
        *_if(signal.long_entry, _enter(plan, "buy"), keyword="elif"),
        *_if(signal.short_entry, _enter(plan, "sell"), keyword="elif"),
    ]


def _helpers(plan: SignalPlan) -> list[list[str]]:
    helpers = []
    if plan.explicit_size:
        helpers.append(_order_size(plan))
    if plan.entry_order:
        helpers.append(_entry_method(plan, "buy"))
        if plan.long_short:
            helpers.append(_entry_method(plan, "sell"))
    if plan.protection:
        helpers += [_protect(plan), _exit_position()]
    return helpers


def _order_size(plan: SignalPlan) -> list[str]:
    value_at = "self.broker.getvalue() / self.data.close[0]"
    if plan.sizing == "percent_equity":
        doc = "Units worth `position_pct` of the portfolio value at the current close."
        body = [f"return self.p.position_pct * {value_at}"]
    elif plan.sizing == "risk_fraction":
        doc = "Units that lose `risk_pct` of the portfolio on an `atr_mult` x ATR move, capped."
        body = [
            "value = self.broker.getvalue()",
            "units = self.p.risk_pct * value / (self.p.atr_mult * self.atr[0])",
            "return min(units, self.p.max_pct * value / self.data.close[0])",
        ]
    elif plan.sizing == "vol_scaled":
        doc = "Units for the volatility target: target / annualised volatility, capped."
        body = [
            "volatility = self.volatility[0] * math.sqrt(365)",
            "weight = self.p.max_pct",
            *_if("volatility > 0", ["weight = min(weight, self.p.target_vol_pct / volatility)"]),
            f"return weight * {value_at}",
        ]
    else:
        doc = "Units worth 95% of the portfolio value at the current close."
        body = [f"return 0.95 * {value_at}"]
    return _def("order_size(self)", body, doc)


def _entry_method(plan: SignalPlan, side: str) -> list[str]:
    limit = plan.entry_order == "limit_entry"
    below = limit == (side == "buy")  # a buy limit sits below the close, a buy stop above it
    kind = "Limit" if limit else "Stop"
    args = ["size=self.order_size()"] if plan.explicit_size else []
    args += [f"exectype=bt.Order.{kind}", "price=price"]
    body = [
        f"price = self.data.close[0] * (1 {'-' if below else '+'} self.p.offset_pct)",
        *_call(f"self.order = self.{side}", args),
        "self.order_bar = len(self)",
    ]
    name = "long" if side == "buy" else "short"
    doc = f"Open a {name} with a {kind.lower()} order; `next` cancels it after `valid_bars`."
    return _def(f"enter_{name}(self)", body, doc)


def _protect(plan: SignalPlan) -> list[str]:
    sign = "side * " if plan.long_short else ""
    orders = []
    for kind in plan.protection:
        if kind == "stop_loss":
            orders.append(("stop", "Stop", f"price=price * (1 - {sign}self.p.stop_pct)"))
        elif kind == "trailing_stop":
            orders.append(("stop", "StopTrail", "trailpercent=self.p.trail_pct"))
        else:
            orders.append(("target", "Limit", f"price=price * (1 + {sign}self.p.take_profit_pct)"))
    if plan.long_short:
        body = [
            "size = self.position.size",
            "side = 1 if size > 0 else -1",
            "exit_order = self.sell if size > 0 else self.buy",
        ]
        size, call = "abs(size)", "exit_order"
    else:
        body, size, call = ["size = self.position.size"], "size", "self.sell"
    for index, (name, kind, argument) in enumerate(orders):
        args = [f"size={size}", f"exectype=bt.Order.{kind}", argument]
        args += [f"oco={orders[0][0]}"] if index else []
        body += _call(f"{name} = {call}", args)
    body.append(f"self.protective = [{', '.join(name for name, _, _ in orders)}]")
    uses_price = any("price" in argument for _, _, argument in orders)
    doc = "Exit orders for the position just opened, in one OCO group."
    return _def(f"protect(self{', price' if uses_price else ''})", body, doc)


def _exit_position() -> list[str]:
    body = [
        "oco = self.protective[0] if self.protective else None",
        "self.close(oco=oco)",
        "self.protective = []",
    ]
    doc = "Close at market in the exit orders' OCO group: the first to fill cancels the rest."
    return _def("exit_position(self)", body, doc)


# ------------------------------------------------------------------------ multi-asset strategies

TARGET_WEIGHT = _def(
    "target_weight(self, data, weight)",
    [
        "units = weight * self.broker.getvalue() / data.close[0]",
        "self.order_target_size(data=data, target=units)",
    ],
    "Order `data` to `weight` of the portfolio value in fractional units (backtrader's "
    "order_target_percent rounds to whole units: nothing at crypto prices).",
)


def write_pairs(code: StrategyCode, components: list[Component]) -> None:
    kinds = {c.kind: c for c in components}
    timed = "time_exit" in kinds
    record_init, record_next = _record_lines(kinds)
    code.init += [
        "ratio = self.data0.close / self.data1.close",
        "mean = bt.indicators.SMA(ratio, period=self.p.lookback)",
        "std = bt.indicators.StdDev(ratio, period=self.p.lookback)",
        "self.zscore = (ratio - mean) / std",
        *record_init,
        *(["self.entry_bar = None  # the bar the pair's entry filled on"] if timed else []),
    ]
    flat = [
        *(["self.entry_bar = None"] if timed else []),
        *_if("z > self.p.entry_z", ["self.open_pair(-1)"]),
        *_if("z < -self.p.entry_z", ["self.open_pair(1)"], keyword="elif"),
        "return",
    ]
    exits = ["reverted"]
    body = [
        *record_next,
        "z = self.zscore[0]",
        "first = self.getposition(self.data0).size",
        *_if("first == 0", flat),
    ]
    if timed:
        body += _if("self.entry_bar is None", ["self.entry_bar = len(self)"])
        exits.append("len(self) - self.entry_bar >= self.p.max_bars")
    body += [
        "reverted = z >= -self.p.exit_z if first > 0 else z <= self.p.exit_z",
        *_if(
            " or ".join(exits),
            [
                "self.order_target_size(data=self.data0, target=0)",
                "self.order_target_size(data=self.data1, target=0)",
            ],
        ),
    ]
    open_pair = [
        "self.target_weight(self.data0, direction * self.p.leg_pct)",
        "self.target_weight(self.data1, -direction * self.p.leg_pct)",
    ]
    doc = "Direction 1: long the first feed and short the second; -1: the reverse."
    code.methods += [
        _def("next(self)", body),
        _def("open_pair(self, direction)", open_pair, doc),
        TARGET_WEIGHT,
    ]


def write_rotation(code: StrategyCode, components: list[Component]) -> None:
    kinds = {c.kind: c for c in components}
    record_init, record_next = _record_lines(kinds)
    code.init += [
        "self.momentum = [",
        f"{INDENT}bt.indicators.ROC(data.close, period=self.p.lookback) for data in self.datas",
        "]",
        *record_init,
    ]
    filtered = "cash_filter" in kinds
    body = [
        *record_next,
        *_if("len(self) % self.p.rebalance_bars", ["return"]),
        "scores = [roc[0] for roc in self.momentum]",
        "best = scores.index(max(scores))",
    ]
    if filtered:
        body += _if("scores[best] <= 0", ["best = None  # nothing is rising: hold cash"])
    buy = "self.target_weight(self.datas[best], self.p.weight_pct)"
    body += [
        "# sells first, so that their cash pays for the buy",
        *_if(
            "i, data in enumerate(self.datas)",
            _if("i != best", ["self.order_target_size(data=data, target=0)"]),
            keyword="for",
        ),
        *(_if("best is not None", [buy]) if filtered else [buy]),
    ]
    code.methods += [_def("next(self)", body), TARGET_WEIGHT]


def write_rebalance(code: StrategyCode, components: list[Component]) -> None:
    kinds = {c.kind: c for c in components}
    record_init, record_next = _record_lines(kinds)
    code.init += record_init
    body = [
        *record_next,
        *_if("(len(self) - 1) % self.p.rebalance_bars", ["return"]),
        "value = self.broker.getvalue()",
        "drift = [",
        f"{INDENT}self.broker.getvalue([data]) / value - target",
        f"{INDENT}for data, target in zip(self.datas, self.p.weights)",
        "]",
    ]
    if "drift_band" in kinds:
        body += _if("max(abs(d) for d in drift) <= self.p.band_pct", ["return"])
    body += [
        "# the most overweight asset first, so that its sale funds the purchases",
        "sequence = sorted(range(len(self.datas)), key=lambda i: drift[i], reverse=True)",
        *_if(
            "i in sequence",
            ["self.target_weight(self.datas[i], self.p.weights[i])"],
            keyword="for",
        ),
    ]
    code.methods += [_def("next(self)", body), TARGET_WEIGHT]


def write_analysis(code: StrategyCode, components: list[Component]) -> None:
    params = components[0].params
    indicator = INDICATOR_CALLS[params["indicator"]].format(
        data="self.data", period="self.p.period"
    )
    code.init += [f"self.indicator = {indicator}", "self.records = []"]
    code.methods.append(_def("next(self)", ["self.records.append(float(self.indicator[0]))"]))


WRITERS = {
    SIGNAL: write_signal,
    PAIRS: write_pairs,
    ROTATION: write_rotation,
    REBALANCE: write_rebalance,
    ANALYSIS: write_analysis,
}
