"""The host's side of a verified backtest: check the decisions the strategy process sent, replay
them on the host's own bars and broker, and measure that replay.

Why it cannot be gamed (see ``_decide.py`` for the strategy's side): the strategy process gets
each step's bars only after it has sent the decisions of the steps before, so no decision can
depend on a later bar; and nothing it writes, patches or prints is measured, because the
equity, the trades and the exposure come from this replay, in this process, with the settings
of ``BacktestConfig``. The strategy can only decide: buy, sell or cancel, which is what a
strategy is for. A decision the host cannot take as it stands (an unknown feed or order, a
size or price that is not a positive finite number, too many orders in one step) rejects the
whole backtest rather than being dropped or repaired.

Message k arrives before step k's bars, so its decisions act at step k - 1 (its ``next``):
market orders then fill at step k's open, as they do in the strategy's own backtest, and an
honest strategy's replay equals its own run (tested). Message 0 (sent before any bar) acts
at step 0.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import backtrader as bt

from cs_pipelines.backtest._harness import build_cerebro, list_feeds, report

if TYPE_CHECKING:
    from cs_pipelines.backtest.program import PreparedData

MAX_ORDERS_PER_STEP = 100
MAX_SIZE = 1e15
SIDES = ("buy", "sell")
ORDER_KEYS = frozenset(
    ("side", "ref", "feed", "size", "price", "plimit", "exectype", "valid", "tradeid", "oco")
) | {"trailamount", "trailpercent", "parent", "transmit"}


class DecisionError(ValueError):
    """A decision the host will not replay; the message says which step and which decision."""


@dataclass(frozen=True)
class PlaceOrder:
    side: str
    ref: int
    feed: int
    size: float
    price: float | None = None
    plimit: float | None = None
    exectype: int | None = None
    valid: float | None = None
    tradeid: int = 0
    oco: int | None = None
    trailamount: float | None = None
    trailpercent: float | None = None
    parent: int | None = None
    transmit: bool = True


@dataclass(frozen=True)
class CancelOrder:
    ref: int


Decision = PlaceOrder | CancelOrder


def parse_decisions(messages: list[Any], n_steps: int, n_feeds: int) -> list[list[Decision]]:
    """The decisions to act on at each of ``n_steps`` steps, from the strategy's messages."""
    steps: list[list[Decision]] = [[] for _ in range(n_steps)]
    if n_steps == 0:
        return steps
    known: set[int] = set()
    for number, message in enumerate(messages):
        where = f"step {max(number - 1, 0)}"
        if not isinstance(message, list):
            raise DecisionError(f"{where}: the decisions are not a list")
        if len(message) > MAX_ORDERS_PER_STEP:
            raise DecisionError(f"{where}: {len(message)} decisions, over {MAX_ORDERS_PER_STEP}")
        for index, raw in enumerate(message):
            try:
                decision = _decision(raw, known, n_feeds)
            except DecisionError as exc:
                raise DecisionError(f"{where}, decision {index}: {exc}") from None
            if isinstance(decision, PlaceOrder):
                known.add(decision.ref)
            steps[max(number - 1, 0)].append(decision)
    return steps


def _decision(raw: Any, known: set[int], n_feeds: int) -> Decision:
    if not isinstance(raw, dict):
        raise DecisionError(f"not an order or a cancel: {_short(raw)}")
    if set(raw) == {"cancel"}:
        return CancelOrder(_known_ref(raw["cancel"], known, "cancel"))
    if set(raw) != ORDER_KEYS:
        raise DecisionError(f"unexpected fields {sorted(set(raw) ^ ORDER_KEYS)}")
    if raw["side"] not in SIDES:
        raise DecisionError(f"side {_short(raw['side'])} is neither buy nor sell")
    ref = _integer(raw["ref"], "ref")
    if ref in known:
        raise DecisionError(f"order ref {ref} used twice")
    feed = _integer(raw["feed"], "feed")
    if not 0 <= feed < n_feeds:
        raise DecisionError(f"an order on feed {feed}, not one of the {n_feeds} given")
    exectype = raw["exectype"]
    if exectype is not None and _integer(exectype, "exectype") not in range(
        len(bt.Order.ExecTypes)
    ):
        raise DecisionError(f"unknown exectype {exectype}")
    return PlaceOrder(
        side=raw["side"],
        ref=ref,
        feed=feed,
        size=_positive(raw["size"], "size", upper=MAX_SIZE),
        price=_optional(raw["price"], "price", _positive),
        plimit=_optional(raw["plimit"], "plimit", _positive),
        exectype=exectype,
        valid=_optional(raw["valid"], "valid", _finite),
        tradeid=_integer(raw["tradeid"], "tradeid"),
        oco=_optional(raw["oco"], "oco", lambda v, n: _known_ref(v, known, n)),
        trailamount=_optional(raw["trailamount"], "trailamount", _non_negative),
        trailpercent=_optional(raw["trailpercent"], "trailpercent", _non_negative),
        parent=_optional(raw["parent"], "parent", lambda v, n: _known_ref(v, known, n)),
        transmit=_boolean(raw["transmit"], "transmit"),
    )


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _integer(value: Any, name: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise DecisionError(f"{name} {_short(value)} is not an integer")
    return value


def _boolean(value: Any, name: str) -> bool:
    if not isinstance(value, bool):
        raise DecisionError(f"{name} {_short(value)} is not true or false")
    return value


def _finite(value: Any, name: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise DecisionError(f"{name} {_short(value)} is not a finite number")
    return float(value)


def _positive(value: Any, name: str, upper: float = math.inf) -> float:
    number = _finite(value, name)
    if not 0 < number <= upper:
        raise DecisionError(f"{name} {number!r} is not in (0, {upper:g}]")
    return number


def _non_negative(value: Any, name: str) -> float:
    number = _finite(value, name)
    if number < 0:
        raise DecisionError(f"{name} {number!r} is negative")
    return number


def _optional(value: Any, name: str, check: Any) -> Any:
    return None if value is None else check(value, name)


def _known_ref(value: Any, known: set[int], name: str) -> int:
    ref = _integer(value, name)
    if ref not in known:
        raise DecisionError(f"{name} names order {ref}, which was never placed")
    return ref


class Replay(bt.Strategy):
    """Places and cancels, at each step, what the strategy decided there; nothing else."""

    params = (("decisions", ()),)

    def start(self) -> None:
        self._step = 0
        self._placed: dict[int, bt.Order] = {}

    def next(self) -> None:
        decisions = self.p.decisions
        if self._step < len(decisions):
            for decision in decisions[self._step]:
                self._act(decision)
        self._step += 1

    def _act(self, decision: Decision) -> None:
        if isinstance(decision, CancelOrder):
            self.broker.cancel(self._placed[decision.ref])
            return
        place = self.broker.buy if decision.side == "buy" else self.broker.sell
        self._placed[decision.ref] = place(
            self,
            self.datas[decision.feed],
            decision.size,
            price=decision.price,
            plimit=decision.plimit,
            exectype=decision.exectype,
            valid=decision.valid,
            tradeid=decision.tradeid,
            oco=self._placed.get(decision.oco),
            trailamount=decision.trailamount,
            trailpercent=decision.trailpercent,
            parent=self._placed.get(decision.parent),
            transmit=decision.transmit,
        )


def replay(prepared: PreparedData, decisions: list[list[Decision]]) -> dict[str, Any]:
    """Run the decisions on the host's bars and broker; the report metrics are computed from."""
    feeds = list_feeds(prepared.settings, prepared.feeds)
    cerebro = build_cerebro(Replay, prepared.settings, feeds, decisions=decisions)
    return report(cerebro, cerebro.run()[0])
