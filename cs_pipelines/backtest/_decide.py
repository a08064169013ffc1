"""The strategy process of a verified backtest: it runs in the sandbox, after ``_harness.py``.

The strategy runs under backtrader as usual, with one difference: its bars arrive one step at a
time through the sandbox's ``exchange`` (see ``Sandbox.run``'s ``stream``), and every order it
places or cancels goes back in the message that asks for the next step. Its broker is a
*shadow*: it fills orders exactly as the host will, so an honest strategy sees true fills,
positions and cash, but nothing it does to that broker (or to anything else in this process)
is measured. The host replays the decisions on its own copy of the bars and measures that
(``replay.py``). Whatever this process does, it cannot see a bar before it has committed the
decisions of the steps before it.
"""

# ruff: noqa: F821  (bt, EPOCH, MS_PER_DAY, build_cerebro, feed_timeframe and load_strategy
# come from _harness.py, which precedes this text in the program)

import json

EXCHANGE = globals().get("exchange")  # the sandbox's lock-step channel
RECORDS_TAIL = 10


class Steps:
    """The bars of the current step, one row per feed; the next step only in exchange for the
    decisions made since the last one."""

    def __init__(self, exchange):
        self.exchange = exchange
        self.step = -1
        self.rows = None
        self.ended = False
        self.decisions = []

    def rows_at(self, step):
        if step > self.step and not self.ended:
            sent, self.decisions = self.decisions, []
            text = self.exchange(sent)
            if text is None:
                self.ended = True
            else:
                self.rows = json.loads(text)
                self.step += 1
        return None if self.ended or step != self.step else self.rows


class StepFeed(bt.feed.DataBase):
    """One feed of the stream: its row of each step, loaded only when backtrader asks."""

    params = (("steps", None), ("index", 0))

    def start(self):
        super().start()
        self._loaded = 0

    def _load(self):
        rows = self.p.steps.rows_at(self._loaded)
        if rows is None:
            return False
        self._loaded += 1
        lines = self.lines
        ms, lines.open[0], lines.high[0], lines.low[0], lines.close[0], lines.volume[0] = rows[
            self.p.index
        ]
        lines.datetime[0] = EPOCH + ms / MS_PER_DAY
        lines.openinterest[0] = 0.0
        return True


def number(value):
    return None if value is None else float(value)


def order_ref(order):
    return None if order is None else order.ref


class DecisionBroker(bt.brokers.BackBroker):
    """backtrader's broker, which also writes every order and cancel into the decisions."""

    def __init__(self, steps):
        super().__init__()
        self.steps = steps

    def buy(self, owner, data, size, **kwargs):
        return self._decide("buy", super().buy(owner, data, size, **kwargs), owner, size, kwargs)

    def sell(self, owner, data, size, **kwargs):
        return self._decide("sell", super().sell(owner, data, size, **kwargs), owner, size, kwargs)

    def _decide(self, side, order, owner, size, kwargs):
        feed = next((i for i, d in enumerate(owner.datas) if d is order.data), -1)
        self.steps.decisions.append(
            {
                "side": side,
                "ref": order.ref,
                "feed": feed,
                "size": number(size),
                "price": number(kwargs.get("price")),
                "plimit": number(kwargs.get("plimit")),
                "exectype": kwargs.get("exectype"),
                "valid": number(order.valid),
                "tradeid": kwargs.get("tradeid", 0),
                "oco": order_ref(kwargs.get("oco")),
                "trailamount": number(kwargs.get("trailamount")),
                "trailpercent": number(kwargs.get("trailpercent")),
                "parent": order_ref(kwargs.get("parent")),
                "transmit": bool(kwargs.get("transmit", True)),
            }
        )
        return order

    def cancel(self, order, bracket=False):
        self.steps.decisions.append({"cancel": order.ref})
        return super().cancel(order, bracket=bracket)


def decide(source, name, settings, feed_names):
    """Run the strategy on the stream; the decisions went out step by step."""
    steps = Steps(EXCHANGE)
    feeds = {
        feed_name: StepFeed(steps=steps, index=i, **feed_timeframe(settings, feed_name))
        for i, feed_name in enumerate(feed_names)
    }
    strategy_class = load_strategy(source, name)
    broker = DecisionBroker(steps)
    cerebro = build_cerebro(strategy_class, settings, feeds, broker, measure=False)
    strategy = cerebro.run(preload=False, runonce=False)[0]
    return {"steps": steps.step + 1, "ended": steps.ended, "records": records(strategy)}


def records(strategy, tail=RECORDS_TAIL):
    """What the strategy keeps in ``self.records`` (a list), if anything: how many, and the
    last ``tail`` as floats (None where a value is no number). The strategy's own account,
    for tasks that ask it to record something; nothing measured depends on it."""
    kept = getattr(strategy, "records", None)
    if not isinstance(kept, (list, tuple)):
        return None
    values = []
    for value in list(kept)[-tail:]:
        try:
            values.append(float(value))
        except (TypeError, ValueError, OverflowError):
            values.append(None)
    return {"n": len(kept), "tail": values}
