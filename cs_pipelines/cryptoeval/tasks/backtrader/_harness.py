import datetime
import sys
import types

import backtrader as bt

# backtrader looks the module of every class it instantiates up in sys.modules.
sys.modules.setdefault(__name__, types.ModuleType(__name__))

_BT_T0 = datetime.datetime(2024, 1, 1)


class _BtCloses(bt.feed.DataBase):
    """Daily bars from a list of closes; each bar opens at the previous close."""

    params = (("closes", ()),)

    def start(self):
        super().start()
        self._bt_i = 0

    def _load(self):
        i = self._bt_i
        if i >= len(self.p.closes):
            return False
        c = float(self.p.closes[i])
        o = float(self.p.closes[i - 1]) if i else c
        self.lines.datetime[0] = bt.date2num(_BT_T0 + datetime.timedelta(days=i))
        self.lines.open[0] = o
        self.lines.high[0] = max(o, c)
        self.lines.low[0] = min(o, c)
        self.lines.close[0] = c
        self.lines.volume[0] = 1.0
        self.lines.openinterest[0] = 0.0
        self._bt_i = i + 1
        return True


class _BtLog(bt.Analyzer):
    """Every completed order as (bar index, data index, side, size, price)."""

    def start(self):
        self.fills = []

    def notify_order(self, order):
        if order.status == order.Completed:
            bar = round(order.executed.dt - bt.date2num(_BT_T0))
            side = "buy" if order.isbuy() else "sell"
            size = abs(order.executed.size)
            self.fills.append((bar, int(order.data._name), side, size, order.executed.price))


def _bt_run(strategy, *series, cash=10_000.0, commission=0.0, sizer=None, **params):
    """Run ``strategy`` on one feed per series; return (strategy, fills, final value)."""
    cerebro = bt.Cerebro(stdstats=False)
    for k, closes in enumerate(series):
        cerebro.adddata(_BtCloses(closes=closes), name=str(k))
    cerebro.addstrategy(strategy, **params)
    if sizer is not None:
        cerebro.addsizer(sizer)
    cerebro.broker.setcash(cash)
    cerebro.broker.setcommission(commission=commission)
    cerebro.addanalyzer(_BtLog, _name="bt_log")
    strat = cerebro.run()[0]
    return strat, strat.analyzers.bt_log.fills, cerebro.broker.getvalue()


def _bt_sig(x):
    return float(f"{x:.6g}")


def _bt_summary(fills, value, *extra):
    """Plain JSON values: fills (size to 6 decimals, price to 6 digits), final value, extras."""
    out = [[b, d, s, round(q, 6), _bt_sig(p)] for b, d, s, q, p in fills]
    return [*out, _bt_sig(value), *extra]
