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


def check(candidate):
    a = [99.0, 101.5, 104.03, 103.98, 106.53, 106.42, 97.0, 99.48, 99.5, 102.01]
    a += [101.97, 104.5, 94.94, 98.03, 101.36, 100.47, 100.0, 102.52, 90.55, 92.96]
    a += [93.06, 95.5, 97.97, 98.01, 85.36, 85.92, 89.64, 92.5, 93.53, 95.98]
    b = [50 + (i % 6) - 0.25 * i for i in range(len(a))]
    strat, fills, value = _bt_run(candidate(period=8), a, b)
    # z = 2.09 on bar 13 (A rich: short A, long B), |z| < 0.5 first on bar 17;
    # z = -2.20 on bar 24 (long A, short B), |z| < 0.5 on bar 26.
    expected = [
        (14, 0, "sell", 1, 98.03),
        (14, 1, "buy", 1, 47.75),
        (18, 0, "buy", 1, 102.52),
        (18, 1, "sell", 1, 50.75),
        (25, 0, "buy", 1, 85.36),
        (25, 1, "sell", 1, 44.0),
        (27, 0, "sell", 1, 89.64),
        (27, 1, "buy", 1, 45.5),
    ]
    assert _close(sorted(fills), sorted(expected))
    assert [strat.getposition(d).size for d in strat.datas] == [0, 0]
    assert _close(value, 10_001.29)
    strat, fills, value = _bt_run(candidate(8, entry_z=2.1, size=3), a, b)
    expected = [
        (25, 0, "buy", 3, 85.36),
        (25, 1, "sell", 3, 44.0),
        (27, 0, "sell", 3, 89.64),
        (27, 1, "buy", 3, 45.5),
    ]
    assert _close(sorted(fills), sorted(expected))
