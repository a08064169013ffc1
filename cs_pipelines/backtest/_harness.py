"""The backtrader set-up every backtest shares: the feed of plain columns, the recorder of what
is measured, the broker's settings, and the self-contained program's ``main``.

Two users: ``program.py`` reads this file as text to build programs that run in the sandbox
(the strategy process ``_decide.py`` appends to it, and the self-contained ``build_program``),
and the host's replay (``replay.py``) imports it as a module to measure on trusted ground. It
needs only backtrader and the standard library.
"""

import json
import linecache
import sys
import types

import backtrader as bt

EPOCH = 719163.0  # bt.date2num(datetime(1970, 1, 1))
MS_PER_DAY = 86_400_000
MODULE = "user_strategy"
FILENAME = "<strategy>"


class StrategyError(Exception):
    """The strategy source defines no usable bt.Strategy, or several and no name was given."""


class ListFeed(bt.feed.DataBase):
    """Bars from columns of plain lists: t (epoch ms, UTC), o, h, l, c, v."""

    params = (("columns", None),)

    def start(self):
        super().start()
        c = self.p.columns
        self._rows = iter(zip(c["t"], c["o"], c["h"], c["l"], c["c"], c["v"], strict=True))

    def _load(self):
        row = next(self._rows, None)
        if row is None:
            return False
        lines = self.lines
        ms, lines.open[0], lines.high[0], lines.low[0], lines.close[0], lines.volume[0] = row
        lines.datetime[0] = EPOCH + ms / MS_PER_DAY
        lines.openinterest[0] = 0.0
        return True


def to_ms(num):
    return round((num - EPOCH) * MS_PER_DAY)


MAX_CHANGES = 600  # position changes listed (all are counted)


class Recorder(bt.Analyzer):
    """Per bar: timestamp, broker value, whether any position is open (and how many bars were);
    every closed trade; and what the strategy did: the bars on which each feed's position
    changed, the first bar it was short, the largest position opened or grown as a share of the
    portfolio before it, and how many orders of each type it placed."""

    def start(self):
        self.ts, self.equity, self.in_market, self.trades, self.peak_size = [], [], 0, [], {}
        self.exposed = []
        n_feeds = len(self.strategy.datas)
        self.sizes, self.changes, self.n_changes = [0.0] * n_feeds, [[] for _ in range(n_feeds)], 0
        self.short_bar, self.max_fraction, self.order_types, self.seen = None, 0.0, {}, set()
        self.value = float(self.strategy.broker.getvalue())

    def next(self):  # analyzers' prenext calls next too: every bar is recorded
        strategy = self.strategy
        value = float(strategy.broker.getvalue())
        self.ts.append(to_ms(strategy.datetime[0]))
        self.equity.append(value)
        positions = [strategy.getposition(data) for data in strategy.datas]
        exposed = any(position.size for position in positions)
        self.exposed.append(int(exposed))
        self.in_market += exposed
        for feed, position in enumerate(positions):
            if position.size != self.sizes[feed]:
                self.changed(feed, position, len(self.equity) - 1)
        self.value = value

    def changed(self, feed, position, bar):
        size, old = position.size, self.sizes[feed]
        self.sizes[feed] = size
        if self.n_changes < MAX_CHANGES:
            self.changes[feed].append(bar)
        self.n_changes += 1
        if size and (abs(size) > abs(old) or size * old < 0) and self.value > 0:
            # a new position at its own price, a grown one at the open (where market orders fill)
            new = old == 0 or size * old < 0
            price = position.price if new else self.strategy.datas[feed].open[0]
            self.max_fraction = max(self.max_fraction, abs(size) * price / self.value)
        if size < 0 and self.short_bar is None:
            self.short_bar = bar

    def notify_order(self, order):
        if order.ref not in self.seen:
            self.seen.add(order.ref)
            name = order.ExecTypes[order.exectype]
            self.order_types[name] = self.order_types.get(name, 0) + 1

    def activity(self):
        return {
            "changes": self.changes,
            "n_changes": self.n_changes,
            "short_bar": self.short_bar,
            "max_fraction": self.max_fraction,
            "order_types": self.order_types,
        }

    def notify_trade(self, trade):
        size = max(self.peak_size.get(trade.ref, 0.0), abs(trade.size))
        self.peak_size[trade.ref] = size  # a closed trade's size is 0: keep its largest
        if trade.isclosed:
            self.trades.append(trade_record(trade, self.peak_size.pop(trade.ref)))


def trade_record(trade, size):
    return {
        "data": trade.data._name,
        "direction": "long" if trade.long else "short",
        "size": float(size),
        "open_ts": to_ms(trade.dtopen),
        "close_ts": to_ms(trade.dtclose),
        "bars": int(trade.barlen),
        "price": float(trade.price),
        "pnl": float(trade.pnl),
        "pnlcomm": float(trade.pnlcomm),
        "commission": float(trade.commission),
    }


def load_strategy(source, name):
    """Execute the source as module ``user_strategy``; return its Strategy class."""
    module = types.ModuleType(MODULE)
    module.__file__ = FILENAME
    sys.modules[MODULE] = module
    linecache.cache[FILENAME] = (len(source), None, source.splitlines(True), FILENAME)
    exec(compile(source, FILENAME, "exec"), module.__dict__)
    if name is not None:
        found = vars(module).get(name)
        if not (isinstance(found, type) and issubclass(found, bt.Strategy)):
            raise StrategyError(f"the strategy source defines no bt.Strategy subclass {name!r}")
        return found
    return only_strategy(vars(module).values())


def only_strategy(objects):
    """The single Strategy subclass defined by the source (a base class and its subclass count
    as one: the most derived)."""
    defined = [
        obj
        for obj in objects
        if isinstance(obj, type) and issubclass(obj, bt.Strategy) and obj.__module__ == MODULE
    ]
    leaves = [
        cls for cls in defined if not any(o is not cls and issubclass(o, cls) for o in defined)
    ]
    if not leaves:
        raise StrategyError("the strategy source defines no subclass of bt.Strategy")
    if len(leaves) > 1:
        names = ", ".join(sorted(cls.__name__ for cls in leaves))
        raise StrategyError(
            f"the strategy source defines several bt.Strategy subclasses ({names}); "
            "name the one to run (strategy_name)"
        )
    return leaves[0]


def feed_timeframe(settings, feed_name):
    """backtrader's ``timeframe`` and ``compression`` keyword arguments of one feed."""
    unit, compression = settings["timeframes"][feed_name]
    return {"timeframe": getattr(bt.TimeFrame, unit), "compression": compression}


def list_feeds(settings, feeds):
    """``name -> ListFeed`` of every feed's columns."""
    return {
        name: ListFeed(columns=columns, **feed_timeframe(settings, name))
        for name, columns in feeds.items()
    }


def build_cerebro(strategy, settings, feeds, broker=None, measure=True, **strategy_kwargs):
    """A Cerebro with ``feeds`` (``name -> feed``), the settings' broker and sizer, and the
    strategy; ``measure`` adds the recorder and backtrader's TradeAnalyzer."""
    cerebro = bt.Cerebro(stdstats=False, maxcpus=1)
    if broker is not None:
        cerebro.setbroker(broker)
    for feed_name, feed in feeds.items():
        cerebro.adddata(feed, name=feed_name)
    cerebro.broker.setcash(settings["cash"])
    cerebro.broker.setcommission(commission=settings["commission"])
    cerebro.broker.set_slippage_perc(settings["slippage_perc"])
    if settings["sizer"] == "fixed":
        cerebro.addsizer(bt.sizers.FixedSize, stake=settings["stake"])
    else:
        cerebro.addsizer(bt.sizers.PercentSizer, percents=settings["sizer_percent"])
    cerebro.addstrategy(strategy, **strategy_kwargs)
    if measure:
        cerebro.addanalyzer(bt.analyzers.TradeAnalyzer, _name="cs_trade_analyzer")
        cerebro.addanalyzer(Recorder, _name="cs_recorder")
    return cerebro


def trade_counts(analysis):
    total, won, lost = (analysis.get(key) or {} for key in ("total", "won", "lost"))
    return {
        "total": int(total.get("total", 0)),
        "open": int(total.get("open", 0)),
        "closed": int(total.get("closed", 0)),
        "won": int(won.get("total", 0)),
        "lost": int(lost.get("total", 0)),
    }


def main(source, name, settings, feeds):
    """Run the backtest; return the JSON-able report the host turns into metrics."""
    cerebro = build_cerebro(load_strategy(source, name), settings, list_feeds(settings, feeds))
    return report(cerebro, cerebro.run()[0])


def report(cerebro, strategy):
    """What was measured of a finished run, as the JSON-able report metrics are computed from."""
    recorder = strategy.analyzers.cs_recorder
    return {
        "ts": recorder.ts,
        "equity": recorder.equity,
        "in_market": recorder.in_market,
        "exposed": recorder.exposed,
        "trades": recorder.trades,
        "counts": trade_counts(strategy.analyzers.cs_trade_analyzer.get_analysis()),
        "final_cash": float(cerebro.broker.getcash()),
        "activity": recorder.activity(),
    }


def publish(result):
    """Through the sandbox's ``emit`` when there is one; else the last line of stdout."""
    emit = globals().get("emit")
    if emit is not None:
        emit(result)
    else:
        sys.stdout.flush()
        print(json.dumps(result))
