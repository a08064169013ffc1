"""The fixed part of every backtest program; it runs inside the sandbox, never on the host.

``program.py`` reads this file as text and appends the inputs (strategy source, settings, bars)
and the call ``publish(main(...))``; nothing imports it as a module. The program needs only
backtrader and the standard library, and hands its report back through the sandbox's ``emit``
or, in a plain interpreter, as JSON on the last line of stdout.
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


class Recorder(bt.Analyzer):
    """Per bar: timestamp, broker value, whether any position is open; every closed trade."""

    def start(self):
        self.ts, self.equity, self.in_market, self.trades, self.peak_size = [], [], 0, [], {}

    def next(self):  # analyzers' prenext calls next too: every bar is recorded
        strategy = self.strategy
        self.ts.append(to_ms(strategy.datetime[0]))
        self.equity.append(float(strategy.broker.getvalue()))
        if any(strategy.getposition(data).size for data in strategy.datas):
            self.in_market += 1

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


def build_cerebro(strategy, settings, feeds):
    cerebro = bt.Cerebro(stdstats=False, maxcpus=1)
    for feed_name, columns in feeds.items():
        unit, compression = settings["timeframes"][feed_name]
        timeframe = getattr(bt.TimeFrame, unit)
        feed = ListFeed(columns=columns, timeframe=timeframe, compression=compression)
        cerebro.adddata(feed, name=feed_name)
    cerebro.broker.setcash(settings["cash"])
    cerebro.broker.setcommission(commission=settings["commission"])
    cerebro.broker.set_slippage_perc(settings["slippage_perc"])
    if settings["sizer"] == "fixed":
        cerebro.addsizer(bt.sizers.FixedSize, stake=settings["stake"])
    else:
        cerebro.addsizer(bt.sizers.PercentSizer, percents=settings["sizer_percent"])
    cerebro.addstrategy(strategy)
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
    cerebro = build_cerebro(load_strategy(source, name), settings, feeds)
    strategy = cerebro.run()[0]
    recorder = strategy.analyzers.cs_recorder
    return {
        "ts": recorder.ts,
        "equity": recorder.equity,
        "in_market": recorder.in_market,
        "trades": recorder.trades,
        "counts": trade_counts(strategy.analyzers.cs_trade_analyzer.get_analysis()),
        "final_cash": float(cerebro.broker.getcash()),
    }


def publish(report):
    """Through the sandbox's ``emit`` when there is one; else the last line of stdout."""
    emit = globals().get("emit")
    if emit is not None:
        emit(report)
    else:
        sys.stdout.flush()
        print(json.dumps(report))
