"""Backtrader strategies judged by running them in ``bt.Cerebro`` on deterministic price series.

Each task asks for a function that returns a ``bt.Strategy`` (or ``bt.Sizer``) subclass built
from its arguments; the test feeds daily bars made from a list of closes (from 2024-01-01, each
bar opening at the previous close, so a market order placed on bar ``i`` fills at bar ``i + 1``'s
open, which equals bar ``i``'s close) and asserts on what happened: the bar index, side, size and
price of every fill, the final position and the final portfolio value. No files, network or
randomness.

Entry points are functions, not classes, so that the task set's function-based machinery (fix
and explain variants, signatures) applies unchanged. backtrader's metaclasses look the module of
every class they instantiate up in ``sys.modules``, so tests and probes register the namespace
they run in as a module when it is none (a plain ``exec`` namespace); creating the classes needs
no such thing, which is why the docstring examples may call the functions.

Each spec's ``probe`` runs the candidate on other series and returns what happened as plain JSON
values (fills, final value to 6 significant digits) for maj@k clustering. It is self-contained:
its helpers live inside ``probe``. The test's helpers are prefixed ``_bt_`` so that they do not
clash with names a completion defines.
"""

import textwrap

from cs_pipelines.cryptoeval.task import spec

# Shared by every test (at module level) and every probe (inside ``probe``).
_HARNESS = '''
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
'''


def _test(check: str) -> str:
    return _HARNESS.lstrip("\n") + "\n\n" + textwrap.dedent(check).strip("\n") + "\n"


# A probe may get a candidate defined in a namespace that is no module, too.
_PROBE_CANDIDATE_MODULE = """
if isinstance(getattr(candidate, "__module__", None), str):
    sys.modules.setdefault(candidate.__module__, types.ModuleType(candidate.__module__))
"""


def _probe(body: str) -> str:
    parts = (_HARNESS, _PROBE_CANDIDATE_MODULE, textwrap.dedent(body))
    inner = "\n\n".join(part.strip("\n") for part in parts)
    return "def probe(candidate):\n" + textwrap.indent(inner, "    ", lambda s: s.strip()) + "\n"


SPECS = [
    spec(
        "sma_cross_strategy",
        "easy",
        '''
        import backtrader as bt


        def sma_cross_strategy(fast: int = 3, slow: int = 6) -> type[bt.Strategy]:
            """Return a ``bt.Strategy`` subclass trading a long-only crossover of two SMAs.

            The strategy trades ``self.data`` with simple moving averages of the close over
            ``fast`` and ``slow`` bars. When flat and the fast SMA crosses above the slow one
            (fast > slow on this bar, fast <= slow on the previous bar), it buys 1 unit with a
            market order; when long and the fast SMA crosses below the slow one (fast < slow now,
            fast >= slow on the previous bar), it closes the position with a market order. A
            cross needs both SMAs on both bars, so the first possible signal is on bar index
            ``slow`` (0-based).

            >>> issubclass(sma_cross_strategy(fast=2, slow=4), bt.Strategy)
            True
            """
        ''',
        """
        class SmaCross(bt.Strategy):
            def __init__(self):
                fast_sma = bt.indicators.SMA(self.data.close, period=fast)
                slow_sma = bt.indicators.SMA(self.data.close, period=slow)
                self.cross = bt.indicators.CrossOver(fast_sma, slow_sma)

            def next(self):
                if not self.position and self.cross[0] > 0:
                    self.buy(size=1)
                elif self.position and self.cross[0] < 0:
                    self.close()

        return SmaCross
        """,
        _test(
            """
            def check(candidate):
                closes = [100, 102, 104, 107, 109, 108, 105, 103, 100, 98, 97, 99]
                closes += [102, 105, 108, 111, 110, 107, 104, 101, 99, 100, 103, 106]
                strat, fills, value = _bt_run(candidate(), closes)
                # Cross up on bar 13, cross down on bar 18: fills one bar later at the open.
                assert _close(fills, [(14, 0, "buy", 1, 105.0), (19, 0, "sell", 1, 104.0)])
                assert strat.position.size == 0
                assert _close(value, 9999.0)
                strat, fills, value = _bt_run(candidate(fast=2, slow=4), closes)
                expected = [(13, 0, "buy", 1, 102.0), (18, 0, "sell", 1, 107.0)]
                assert _close(fills, [*expected, (23, 0, "buy", 1, 103.0)])
                assert strat.position.size == 1
                assert _close(value, 10008.0)
            """
        ),
        [
            """
            class SmaCross(bt.Strategy):
                def __init__(self):
                    self.fast = bt.indicators.SMA(self.data.close, period=fast)
                    self.slow = bt.indicators.SMA(self.data.close, period=slow)

                def next(self):
                    if not self.position and self.fast[0] > self.slow[0]:
                        self.buy(size=1)
                    elif self.position and self.fast[0] < self.slow[0]:
                        self.close()

            return SmaCross
            """,
            """
            class SmaCross(bt.Strategy):
                def __init__(self):
                    self.fast = bt.indicators.SMA(self.data.close, period=fast)
                    self.slow = bt.indicators.SMA(self.data.close, period=slow)

                def next(self):
                    f, s = self.fast, self.slow
                    if not self.position and f[-1] > s[-1] and f[-2] <= s[-2]:
                        self.buy(size=1)
                    elif self.position and f[-1] < s[-1] and f[-2] >= s[-2]:
                        self.close()

            return SmaCross
            """,
            """
            class SmaCross(bt.Strategy):
                def __init__(self):
                    fast_ema = bt.indicators.EMA(self.data.close, period=fast)
                    slow_ema = bt.indicators.EMA(self.data.close, period=slow)
                    self.cross = bt.indicators.CrossOver(fast_ema, slow_ema)

                def next(self):
                    if not self.position and self.cross[0] > 0:
                        self.buy(size=1)
                    elif self.position and self.cross[0] < 0:
                        self.close()

            return SmaCross
            """,
        ],
        fix="With the default periods it buys on bar 6 (signal on bar 5, the first bar with both "
        "SMAs) although no crossover happened: the fast SMA was already above the slow one.",
        probe=_probe(
            """
            closes = [100 + ((i * 37) % 23) * 0.7 + 0.4 * i for i in range(60)]
            runs = []
            for kwargs in ({}, {"fast": 4, "slow": 9}):
                strat, fills, value = _bt_run(candidate(**kwargs), closes)
                runs.append(_bt_summary(fills, value, strat.position.size))
            return runs
            """
        ),
    ),
    spec(
        "dca_strategy",
        "easy",
        '''
        import backtrader as bt


        def dca_strategy(quote_amount: float, every: int) -> type[bt.Strategy]:
            """Return a ``bt.Strategy`` subclass that dollar-cost averages into ``self.data``.

            On bar 0 and then on every ``every``-th bar (0-based bar indices ``0, every,
            2 * every, ...``; the current bar's index is ``len(self) - 1``) it submits a market
            buy that spends ``quote_amount`` of cash: size ``quote_amount / close`` in fractional
            units, using the close of the bar the order is placed on. It never sells.

            >>> issubclass(dca_strategy(100.0, 7), bt.Strategy)
            True
            """
        ''',
        """
        class DcaStrategy(bt.Strategy):
            def next(self):
                if (len(self) - 1) % every == 0:
                    self.buy(size=quote_amount / self.data.close[0])

        return DcaStrategy
        """,
        _test(
            """
            def check(candidate):
                closes = [100, 104, 98, 95, 102, 97, 93, 96, 101, 105]
                closes += [99, 94, 90, 92, 97, 103, 108, 104, 110, 107]
                strat, fills, value = _bt_run(candidate(250.0, 5), closes)
                bars = [(b, d, s) for b, d, s, _, _ in fills]
                assert bars == [(1, 0, "buy"), (6, 0, "buy"), (11, 0, "buy"), (16, 0, "buy")]
                sizes = [250.0 / closes[i] for i in (0, 5, 10, 15)]
                assert _close([f[3] for f in fills], sizes)
                assert _close(strat.position.size, sum(sizes))
                assert _close(value, 9_000.0 + 107 * sum(sizes))
                strat, fills, value = _bt_run(candidate(1_000.0, 1), closes[:4], cash=5_000.0)
                assert [b for b, _, _, _, _ in fills] == [1, 2, 3]
                assert _close(value, 2_000.0 + 1_000.0 * 95 * (1 / 100 + 1 / 104 + 1 / 98))
            """
        ),
        [
            """
            class DcaStrategy(bt.Strategy):
                def next(self):
                    if len(self) % every == 0:
                        self.buy(size=quote_amount / self.data.close[0])

            return DcaStrategy
            """,
            """
            class DcaStrategy(bt.Strategy):
                def next(self):
                    if (len(self) - 1) % every == 0:
                        self.buy(size=int(quote_amount / self.data.close[0]))

            return DcaStrategy
            """,
            """
            class DcaStrategy(bt.Strategy):
                def next(self):
                    if (len(self) - 1) % every == 0:
                        self.buy(size=quote_amount * self.data.close[0])

            return DcaStrategy
            """,
        ],
        fix="On a 20-bar series with every=5 the purchases fill on bars 5, 10 and 15 (placed on "
        "bars 4, 9, 14) instead of 1, 6, 11 and 16: the first purchase on bar 0 is missing.",
        probe=_probe(
            """
            closes = [100 + ((i * 37) % 23) * 0.9 - 0.3 * i for i in range(31)]
            runs = []
            for amount, every in ((300.0, 4), (75.0, 3)):
                strat, fills, value = _bt_run(candidate(amount, every), closes)
                runs.append(_bt_summary(fills, value, round(strat.position.size, 6)))
            return runs
            """
        ),
    ),
    spec(
        "percent_cash_sizer",
        "easy",
        '''
        import math

        import backtrader as bt


        def percent_cash_sizer(percents: float = 20.0) -> type[bt.Sizer]:
            """Return a ``bt.Sizer`` subclass sizing buys by the *available cash*.

            For a buy, the size is ``cash * percents / 100`` divided by the data's current
            close, rounded *down* to a multiple of 0.001 (the lot step). For a sell, the size is
            the whole current position in that data (0 when flat), so a sell closes it.

            >>> issubclass(percent_cash_sizer(25.0), bt.Sizer)
            True
            """
        ''',
        """
        class PercentCashSizer(bt.Sizer):
            def _getsizing(self, comminfo, cash, data, isbuy):
                if not isbuy:
                    return self.broker.getposition(data).size
                units = cash * percents / 100.0 / data.close[0]
                return math.floor(units * 1000.0) / 1000.0

        return PercentCashSizer
        """,
        _test(
            """
            class _BtPlan(bt.Strategy):
                params = (("plan", {}),)

                def next(self):
                    action = self.p.plan.get(len(self) - 1)
                    if action == "buy":
                        self.buy()
                    elif action == "sell":
                        self.sell()


            def check(candidate):
                closes = [100, 135, 141.5, 139, 150, 155, 160, 158, 163, 166]
                plan = {1: "buy", 3: "buy", 5: "sell", 7: "buy"}
                strat, fills, value = _bt_run(_BtPlan, closes, sizer=candidate(25.0), plan=plan)
                # 2500 / 135 = 18.5185 -> 18.518; then 25% of the cash left (7500.07) at 139.
                expected = [
                    (2, 0, "buy", 18.518, 135.0),
                    (4, 0, "buy", 13.489, 139.0),
                    (6, 0, "sell", 32.007, 155.0),
                    (8, 0, "buy", 16.75, 158.0),
                ]
                assert _close(fills, expected, abs_tol=1e-9)
                assert _close(strat.position.size, 16.75)
                assert _close(value, 10_720.184)
                sizer = candidate()
                strat, fills, value = _bt_run(_BtPlan, closes, sizer=sizer, plan={0: "sell"})
                assert fills == [] and strat.position.size == 0
                strat, fills, value = _bt_run(_BtPlan, closes, sizer=sizer, plan={0: "buy"})
                assert _close(fills, [(1, 0, "buy", 20.0, 100.0)])
            """
        ),
        [
            """
            class PercentCashSizer(bt.Sizer):
                def _getsizing(self, comminfo, cash, data, isbuy):
                    if not isbuy:
                        return self.broker.getposition(data).size
                    units = self.broker.getvalue() * percents / 100.0 / data.close[0]
                    return math.floor(units * 1000.0) / 1000.0

            return PercentCashSizer
            """,
            """
            class PercentCashSizer(bt.Sizer):
                def _getsizing(self, comminfo, cash, data, isbuy):
                    if not isbuy:
                        return self.broker.getposition(data).size
                    return round(cash * percents / 100.0 / data.close[0], 3)

            return PercentCashSizer
            """,
            """
            class PercentCashSizer(bt.Sizer):
                def _getsizing(self, comminfo, cash, data, isbuy):
                    units = cash * percents / 100.0 / data.close[0]
                    return math.floor(units * 1000.0) / 1000.0

            return PercentCashSizer
            """,
        ],
        probe=_probe(
            """
            class _BtPlan(bt.Strategy):
                params = (("plan", {}),)

                def next(self):
                    action = self.p.plan.get(len(self) - 1)
                    if action == "buy":
                        self.buy()
                    elif action == "sell":
                        self.sell()

            closes = [97 + ((i * 37) % 23) * 1.3 + 0.7 * i for i in range(16)]
            plan = {0: "buy", 2: "buy", 3: "buy", 5: "sell", 7: "sell", 8: "buy", 11: "buy"}
            plan[13] = "sell"
            runs = []
            for args in ((30.0,), ()):
                strat, fills, value = _bt_run(_BtPlan, closes, sizer=candidate(*args), plan=plan)
                runs.append(_bt_summary(fills, value, round(strat.position.size, 6)))
            return runs
            """
        ),
    ),
    spec(
        "rsi_reversion_strategy",
        "easy",
        '''
        import backtrader as bt


        def rsi_reversion_strategy(
            period: int = 14, lower: float = 30.0, upper: float = 70.0
        ) -> type[bt.Strategy]:
            """Return a ``bt.Strategy`` subclass trading long-only RSI mean reversion.

            The RSI is backtrader's ``bt.indicators.RSI`` of ``self.data``'s close over
            ``period`` bars (Wilder smoothing). When flat and the RSI is below ``lower``, the
            strategy buys 1 unit with a market order; when long and the RSI is above ``upper``,
            it closes the position with a market order.

            >>> issubclass(rsi_reversion_strategy(period=3), bt.Strategy)
            True
            """
        ''',
        """
        class RsiReversion(bt.Strategy):
            def __init__(self):
                self.rsi = bt.indicators.RSI(self.data.close, period=period)

            def next(self):
                if not self.position and self.rsi[0] < lower:
                    self.buy(size=1)
                elif self.position and self.rsi[0] > upper:
                    self.close()

        return RsiReversion
        """,
        _test(
            """
            def check(candidate):
                closes = [100, 98, 101, 99, 96, 93, 91, 94, 97, 101, 104, 103, 106]
                closes += [102, 98, 95, 92, 90, 93, 96, 99, 102, 105, 103, 100, 97]
                strat, fills, value = _bt_run(candidate(period=3), closes)
                # RSI(3): 26.1 on bar 4, 79.7 on bar 9, 28.9 on bar 14, 74.9 on bar 20.
                expected = [
                    (5, 0, "buy", 1, 96.0),
                    (10, 0, "sell", 1, 101.0),
                    (15, 0, "buy", 1, 98.0),
                    (21, 0, "sell", 1, 99.0),
                ]
                assert _close(fills, expected)
                assert strat.position.size == 0
                assert _close(value, 10_006.0)
                strat, fills, value = _bt_run(candidate(3, lower=20.0, upper=85.0), closes)
                expected = [
                    (6, 0, "buy", 1, 93.0),
                    (11, 0, "sell", 1, 104.0),
                    (16, 0, "buy", 1, 95.0),
                    (23, 0, "sell", 1, 105.0),
                ]
                assert _close(fills, expected)
                assert _close(value, 10_021.0)
            """
        ),
        [
            """
            class RsiReversion(bt.Strategy):
                def __init__(self):
                    self.rsi = bt.indicators.RSI(self.data.close, period=period)

                def next(self):
                    if not self.position and self.rsi[0] > upper:
                        self.buy(size=1)
                    elif self.position and self.rsi[0] < lower:
                        self.close()

            return RsiReversion
            """,
            """
            class RsiReversion(bt.Strategy):
                def __init__(self):
                    self.rsi = bt.indicators.RSI(self.data.close)

                def next(self):
                    if not self.position and self.rsi[0] < lower:
                        self.buy(size=1)
                    elif self.position and self.rsi[0] > upper:
                        self.close()

            return RsiReversion
            """,
            """
            class RsiReversion(bt.Strategy):
                def __init__(self):
                    self.rsi = bt.indicators.RSI(self.data.close, period=period)

                def next(self):
                    if not self.position and self.rsi[0] < lower:
                        self.buy(size=1)
                    elif self.position and self.rsi[0] > lower:
                        self.close()

            return RsiReversion
            """,
        ],
        probe=_probe(
            """
            closes = [100 + ((i * 37) % 23) * 0.9 - 0.2 * i + 6 * (i // 10 % 2) for i in range(60)]
            runs = []
            for kwargs in ({"period": 4, "lower": 35.0, "upper": 65.0}, {}):
                strat, fills, value = _bt_run(candidate(**kwargs), closes)
                runs.append(_bt_summary(fills, value, strat.position.size))
            return runs
            """
        ),
    ),
    spec(
        "donchian_breakout_strategy",
        "medium",
        '''
        import backtrader as bt


        def donchian_breakout_strategy(
            entry_period: int = 5, exit_period: int = 3
        ) -> type[bt.Strategy]:
            """Return a ``bt.Strategy`` subclass trading a long-only Donchian breakout on closes.

            ``exit_period <= entry_period``. When flat, the strategy buys 1 unit with a market
            order if ``self.data``'s close is strictly above the highest close of the previous
            ``entry_period`` bars (the current bar excluded). When long, it closes the position
            with a market order if the close is strictly below the lowest close of the previous
            ``exit_period`` bars. The first signal is possible on bar index ``entry_period``.

            >>> issubclass(donchian_breakout_strategy(4, 2), bt.Strategy)
            True
            """
        ''',
        """
        class DonchianBreakout(bt.Strategy):
            def __init__(self):
                prev = self.data.close(-1)
                self.upper = bt.indicators.Highest(prev, period=entry_period)
                self.lower = bt.indicators.Lowest(prev, period=exit_period)

            def next(self):
                if not self.position:
                    if self.data.close[0] > self.upper[0]:
                        self.buy(size=1)
                elif self.data.close[0] < self.lower[0]:
                    self.close()

        return DonchianBreakout
        """,
        _test(
            """
            def check(candidate):
                closes = [100, 101, 99, 102, 98, 100, 103, 105, 104, 106, 103, 101]
                closes += [102, 99, 97, 98, 100, 96, 101, 104, 107, 106, 103, 105]
                strat, fills, value = _bt_run(candidate(), closes)
                # Bar 6: 103 > max(101, 99, 102, 98, 100); bar 10: 103 < min(105, 104, 106).
                expected = [
                    (7, 0, "buy", 1, 103.0),
                    (11, 0, "sell", 1, 103.0),
                    (19, 0, "buy", 1, 101.0),
                    (23, 0, "sell", 1, 103.0),
                ]
                assert _close(fills, expected)
                assert strat.position.size == 0
                assert _close(value, 10_002.0)
                strat, fills, value = _bt_run(candidate(entry_period=3, exit_period=2), closes)
                bars = [(b, s) for b, _, s, _, _ in fills]
                assert bars == [
                    (4, "buy"), (5, "sell"), (7, "buy"), (11, "sell"),
                    (17, "buy"), (18, "sell"), (19, "buy"), (23, "sell"),
                ]
                assert _close(value, 9_994.0)
            """
        ),
        [
            """
            class DonchianBreakout(bt.Strategy):
                def __init__(self):
                    self.upper = bt.indicators.Highest(self.data.close, period=entry_period)
                    self.lower = bt.indicators.Lowest(self.data.close, period=exit_period)

                def next(self):
                    if not self.position:
                        if self.data.close[0] > self.upper[0]:
                            self.buy(size=1)
                    elif self.data.close[0] < self.lower[0]:
                        self.close()

            return DonchianBreakout
            """,
            """
            class DonchianBreakout(bt.Strategy):
                def __init__(self):
                    self.upper = bt.indicators.Highest(self.data.high(-1), period=entry_period)
                    self.lower = bt.indicators.Lowest(self.data.low(-1), period=exit_period)

                def next(self):
                    if not self.position:
                        if self.data.close[0] > self.upper[0]:
                            self.buy(size=1)
                    elif self.data.close[0] < self.lower[0]:
                        self.close()

            return DonchianBreakout
            """,
            """
            class DonchianBreakout(bt.Strategy):
                def __init__(self):
                    prev = self.data.close(-1)
                    self.upper = bt.indicators.Highest(prev, period=entry_period)
                    self.lower = bt.indicators.Lowest(prev, period=entry_period)

                def next(self):
                    if not self.position:
                        if self.data.close[0] > self.upper[0]:
                            self.buy(size=1)
                    elif self.data.close[0] < self.lower[0]:
                        self.close()

            return DonchianBreakout
            """,
        ],
        fix="It never trades: on the default test series no close is ever strictly above the "
        "channel's highest close, because the channel includes the current bar.",
        probe=_probe(
            """
            closes = [100 + ((i * 37) % 23) * 0.6 + 5 * ((i // 12) % 3) for i in range(60)]
            runs = []
            for args in ((), (4, 2)):
                strat, fills, value = _bt_run(candidate(*args), closes)
                runs.append(_bt_summary(fills, value, strat.position.size))
            return runs
            """
        ),
    ),
    spec(
        "sma_stop_loss_strategy",
        "medium",
        '''
        import backtrader as bt


        def sma_stop_loss_strategy(period: int = 5, stop_pct: float = 0.05) -> type[bt.Strategy]:
            """Return a ``bt.Strategy`` subclass: trend entries protected by a stop-loss order.

            When flat with no order pending and ``self.data``'s close is above its
            ``period``-bar SMA, the strategy buys 1 unit with a market order. As soon as that buy
            is reported filled (``notify_order``), it submits a sell ``bt.Order.Stop`` order for
            the position at ``fill_price * (1 - stop_pct)``. Positions are exited only by that
            stop; once it has filled, the strategy may enter again.

            >>> issubclass(sma_stop_loss_strategy(3, 0.03), bt.Strategy)
            True
            """
        ''',
        """
        class SmaStopLoss(bt.Strategy):
            def __init__(self):
                self.sma = bt.indicators.SMA(self.data.close, period=period)
                self.pending = None

            def next(self):
                flat = not self.position and self.pending is None
                if flat and self.data.close[0] > self.sma[0]:
                    self.pending = self.buy(size=1)

            def notify_order(self, order):
                if order.status == order.Completed and order.isbuy():
                    stop = order.executed.price * (1.0 - stop_pct)
                    self.pending = self.sell(
                        size=order.executed.size, exectype=bt.Order.Stop, price=stop
                    )
                elif not order.alive():
                    self.pending = None

        return SmaStopLoss
        """,
        _test(
            """
            def check(candidate):
                closes = [100, 99, 98, 97, 99, 101, 103, 104, 102, 100, 98]
                closes += [97, 96, 99, 102, 105, 108, 110, 107, 103, 101, 104]
                strat, fills, value = _bt_run(candidate(), closes)
                # Entry on bar 4 (99 > SMA 98.6), fill at 99; the stop at 94.05 is never hit.
                assert _close(fills, [(5, 0, "buy", 1, 99.0)])
                assert strat.position.size == 1
                strat, fills, value = _bt_run(candidate(period=3, stop_pct=0.03), closes)
                # Stop at 99 * 0.97 = 96.03 is hit on bar 12 (close 96); re-entry on bar 13.
                expected = [
                    (5, 0, "buy", 1, 99.0),
                    (12, 0, "sell", 1, 96.03),
                    (14, 0, "buy", 1, 99.0),
                ]
                assert _close(fills, expected)
                assert strat.position.size == 1
                assert _close(value, 10_000.0 - 2.97 + 5.0)
            """
        ),
        [
            """
            class SmaStopLoss(bt.Strategy):
                def __init__(self):
                    self.sma = bt.indicators.SMA(self.data.close, period=period)
                    self.pending = None

                def next(self):
                    flat = not self.position and self.pending is None
                    if flat and self.data.close[0] > self.sma[0]:
                        self.pending = self.buy(size=1)

                def notify_order(self, order):
                    if order.status == order.Completed and order.isbuy():
                        stop = order.executed.price * stop_pct
                        self.pending = self.sell(
                            size=order.executed.size, exectype=bt.Order.Stop, price=stop
                        )
                    elif not order.alive():
                        self.pending = None

            return SmaStopLoss
            """,
            """
            class SmaStopLoss(bt.Strategy):
                def __init__(self):
                    self.sma = bt.indicators.SMA(self.data.close, period=period)

                def next(self):
                    if not self.position and self.data.close[0] > self.sma[0]:
                        self.buy(size=1)

            return SmaStopLoss
            """,
            """
            class SmaStopLoss(bt.Strategy):
                def __init__(self):
                    self.sma = bt.indicators.SMA(self.data.close, period=period)
                    self.pending = None

                def next(self):
                    flat = not self.position and self.pending is None
                    if flat and self.data.close[0] > self.sma[0]:
                        self.pending = self.buy(size=1)

                def notify_order(self, order):
                    if order.status == order.Completed and order.isbuy():
                        stop = order.executed.price * (1.0 - stop_pct)
                        self.pending = self.sell(
                            size=order.executed.size, exectype=bt.Order.Limit, price=stop
                        )
                    elif not order.alive():
                        self.pending = None

            return SmaStopLoss
            """,
        ],
        fix="With period=3 and stop_pct=0.03 the position bought at 99 is still open after the "
        "close falls to 96 on bar 12: the stop sits at 2.97 instead of 96.03.",
        probe=_probe(
            """
            closes = [100 + ((i * 37) % 23) * 0.5 - 4 * ((i // 8) % 3) for i in range(50)]
            runs = []
            for kwargs in ({}, {"period": 3, "stop_pct": 0.02}):
                strat, fills, value = _bt_run(candidate(**kwargs), closes)
                runs.append(_bt_summary(fills, value, strat.position.size))
            return runs
            """
        ),
    ),
    spec(
        "trailing_stop_strategy",
        "medium",
        '''
        import backtrader as bt


        def trailing_stop_strategy(period: int = 5, trail: float = 0.05) -> type[bt.Strategy]:
            """Return a ``bt.Strategy`` subclass: trend entries protected by a trailing stop.

            When flat with no order pending and ``self.data``'s close is above its
            ``period``-bar SMA, the strategy buys 1 unit with a market order. As soon as that buy
            is reported filled, it submits a sell ``bt.Order.StopTrail`` order for the position
            trailing by the fraction ``trail`` (0.05 = 5%): the stop starts at
            ``close * (1 - trail)`` of the bar it is submitted on and after every bar is raised
            (never lowered) to ``close * (1 - trail)``. Positions are exited only by that stop;
            once it has filled, the strategy may enter again.

            >>> issubclass(trailing_stop_strategy(3, 0.03), bt.Strategy)
            True
            """
        ''',
        """
        class TrailingStop(bt.Strategy):
            def __init__(self):
                self.sma = bt.indicators.SMA(self.data.close, period=period)
                self.pending = None

            def next(self):
                flat = not self.position and self.pending is None
                if flat and self.data.close[0] > self.sma[0]:
                    self.pending = self.buy(size=1)

            def notify_order(self, order):
                if order.status == order.Completed and order.isbuy():
                    self.pending = self.sell(
                        size=order.executed.size, exectype=bt.Order.StopTrail, trailpercent=trail
                    )
                elif not order.alive():
                    self.pending = None

        return TrailingStop
        """,
        _test(
            """
            def check(candidate):
                closes = [100, 99, 98, 97, 99, 101, 103, 104, 102, 100, 98]
                closes += [97, 96, 99, 102, 105, 108, 110, 107, 103, 101, 104]
                strat, fills, value = _bt_run(candidate(), closes)
                # The stop trails the closes: 104 * 0.95 = 98.8 is hit on bar 10, then
                # 110 * 0.95 = 104.5 on bar 19.
                expected = [
                    (5, 0, "buy", 1, 99.0),
                    (10, 0, "sell", 1, 98.8),
                    (14, 0, "buy", 1, 99.0),
                    (19, 0, "sell", 1, 104.5),
                ]
                assert _close(fills, expected)
                assert strat.position.size == 0
                assert _close(value, 10_005.3)
                strat, fills, value = _bt_run(candidate(period=3, trail=0.03), closes)
                expected = [
                    (5, 0, "buy", 1, 99.0),
                    (9, 0, "sell", 1, 100.88),
                    (14, 0, "buy", 1, 99.0),
                    (19, 0, "sell", 1, 106.7),
                ]
                assert _close(fills, expected)
                assert _close(value, 10_009.58)
            """
        ),
        [
            """
            class TrailingStop(bt.Strategy):
                def __init__(self):
                    self.sma = bt.indicators.SMA(self.data.close, period=period)
                    self.pending = None

                def next(self):
                    flat = not self.position and self.pending is None
                    if flat and self.data.close[0] > self.sma[0]:
                        self.pending = self.buy(size=1)

                def notify_order(self, order):
                    if order.status == order.Completed and order.isbuy():
                        stop = order.executed.price * (1.0 - trail)
                        self.pending = self.sell(
                            size=order.executed.size, exectype=bt.Order.Stop, price=stop
                        )
                    elif not order.alive():
                        self.pending = None

            return TrailingStop
            """,
            """
            class TrailingStop(bt.Strategy):
                def __init__(self):
                    self.sma = bt.indicators.SMA(self.data.close, period=period)
                    self.pending = None

                def next(self):
                    flat = not self.position and self.pending is None
                    if flat and self.data.close[0] > self.sma[0]:
                        self.pending = self.buy(size=1)

                def notify_order(self, order):
                    if order.status == order.Completed and order.isbuy():
                        self.pending = self.sell(
                            size=order.executed.size, exectype=bt.Order.StopTrail, trailamount=trail
                        )
                    elif not order.alive():
                        self.pending = None

            return TrailingStop
            """,
            """
            class TrailingStop(bt.Strategy):
                def __init__(self):
                    self.sma = bt.indicators.SMA(self.data.close, period=period)
                    self.pending = None

                def next(self):
                    flat = not self.position and self.pending is None
                    if flat and self.data.close[0] > self.sma[0]:
                        self.pending = self.buy(size=1)

                def notify_order(self, order):
                    if order.status == order.Completed and order.isbuy():
                        self.pending = self.sell(
                            size=order.executed.size,
                            exectype=bt.Order.StopTrail,
                            trailpercent=trail * 100,
                        )
                    elif not order.alive():
                        self.pending = None

            return TrailingStop
            """,
        ],
        fix="The stop never moves up: with the defaults the position bought at 99 rises to a "
        "close of 104 and falls back, yet it is not sold at 98.8 on bar 10 (the stop stays at "
        "94.05).",
        probe=_probe(
            """
            closes = [100 + ((i * 37) % 23) * 0.5 - 4 * ((i // 8) % 3) + 0.3 * i for i in range(50)]
            runs = []
            for kwargs in ({}, {"period": 3, "trail": 0.02}):
                strat, fills, value = _bt_run(candidate(**kwargs), closes)
                runs.append(_bt_summary(fills, value, strat.position.size))
            return runs
            """
        ),
    ),
    spec(
        "capped_pyramid_strategy",
        "medium",
        '''
        import backtrader as bt


        def capped_pyramid_strategy(stake: float = 1, max_units: float = 3) -> type[bt.Strategy]:
            """Return a ``bt.Strategy`` subclass pyramiding into up-moves under a position cap.

            From the second bar on, on a bar whose close (of ``self.data``) is strictly above
            the previous close, the strategy buys ``stake`` units with a market order, unless
            that would take the position above ``max_units`` (it never buys a partial stake); on
            a bar whose close is strictly below the previous close, it closes the whole position
            (if any) with a market order.

            >>> issubclass(capped_pyramid_strategy(2, 5), bt.Strategy)
            True
            """
        ''',
        """
        class CappedPyramid(bt.Strategy):
            def next(self):
                if len(self) < 2:
                    return
                if self.data.close[0] > self.data.close[-1]:
                    if self.position.size + stake <= max_units:
                        self.buy(size=stake)
                elif self.data.close[0] < self.data.close[-1] and self.position:
                    self.close()

        return CappedPyramid
        """,
        _test(
            """
            def check(candidate):
                closes = [100, 101, 103, 104, 106, 107, 105, 106, 108]
                closes += [109, 111, 110, 112, 113, 114, 115, 116, 114]
                strat, fills, value = _bt_run(candidate(), closes)
                bars = [(b, s, q) for b, _, s, q, _ in fills]
                assert bars == [
                    (2, "buy", 1), (3, "buy", 1), (4, "buy", 1), (7, "sell", 3),
                    (8, "buy", 1), (9, "buy", 1), (10, "buy", 1), (12, "sell", 3),
                    (13, "buy", 1), (14, "buy", 1), (15, "buy", 1),
                ]
                assert strat.position.size == 3
                assert _close(value, 10_017.0)
                strat, fills, value = _bt_run(candidate(stake=2, max_units=5), closes)
                bars = [(b, s, q) for b, _, s, q, _ in fills]
                assert bars == [
                    (2, "buy", 2), (3, "buy", 2), (7, "sell", 4), (8, "buy", 2),
                    (9, "buy", 2), (12, "sell", 4), (13, "buy", 2), (14, "buy", 2),
                ]
                assert strat.position.size == 4
                assert _close(value, 10_030.0)
            """
        ),
        [
            """
            class CappedPyramid(bt.Strategy):
                def next(self):
                    if len(self) < 2:
                        return
                    if self.data.close[0] > self.data.close[-1]:
                        if self.position.size < max_units:
                            self.buy(size=stake)
                    elif self.data.close[0] < self.data.close[-1] and self.position:
                        self.close()

            return CappedPyramid
            """,
            """
            class CappedPyramid(bt.Strategy):
                def next(self):
                    if len(self) < 2:
                        return
                    if self.data.close[0] > self.data.close[-1]:
                        if self.position.size + stake <= max_units:
                            self.buy(size=stake)
                    elif self.data.close[0] < self.data.close[-1] and self.position:
                        self.sell(size=stake)

            return CappedPyramid
            """,
            """
            class CappedPyramid(bt.Strategy):
                def next(self):
                    if len(self) < 2:
                        return
                    if self.data.close[0] > self.data.close[-1]:
                        self.buy(size=stake)
                    elif self.data.close[0] < self.data.close[-1] and self.position:
                        self.close()

            return CappedPyramid
            """,
        ],
        fix="With stake=2 and max_units=5 the position reaches 6 units (three buys of 2 before "
        "the first down bar) although the cap is 5.",
        probe=_probe(
            """
            closes = [100 + 1.1 * i - 8.0 * (i // 7) + (i * 37 % 23) / 50 for i in range(40)]
            runs = []
            for args in ((), (2, 7)):
                strat, fills, value = _bt_run(candidate(*args), closes)
                runs.append(_bt_summary(fills, value, strat.position.size))
            return runs
            """
        ),
    ),
    spec(
        "trade_journal_strategy",
        "medium",
        '''
        import backtrader as bt


        def trade_journal_strategy(plan: dict[int, str]) -> type[bt.Strategy]:
            """Return a ``bt.Strategy`` subclass that follows an order plan and journals trades.

            ``plan`` maps 0-based bar indices (the current one is ``len(self) - 1``) to
            ``"buy"`` or ``"sell"``: on such a bar the strategy submits a market order for 1 unit
            of ``self.data`` in that direction. It keeps ``self.trades_log``, a list with one
            dict per *closed* trade, appended from ``notify_trade`` in closing order::

                {"open_bar": int, "close_bar": int, "side": "long" | "short",
                 "pnl": float, "net": float}

            ``open_bar``/``close_bar`` are the indices of the bars on which the opening and the
            closing orders were *filled*, ``pnl`` is the gross profit and ``net`` the profit
            after the broker's commissions on both fills.

            >>> issubclass(trade_journal_strategy({2: "buy", 5: "sell"}), bt.Strategy)
            True
            """
        ''',
        """
        class TradeJournal(bt.Strategy):
            def __init__(self):
                self.trades_log = []

            def next(self):
                action = plan.get(len(self) - 1)
                if action == "buy":
                    self.buy(size=1)
                elif action == "sell":
                    self.sell(size=1)

            def notify_trade(self, trade):
                if trade.isclosed:
                    self.trades_log.append(
                        {
                            "open_bar": trade.baropen - 1,
                            "close_bar": trade.barclose - 1,
                            "side": "long" if trade.long else "short",
                            "pnl": trade.pnl,
                            "net": trade.pnlcomm,
                        }
                    )

        return TradeJournal
        """,
        _test(
            """
            def check(candidate):
                closes = [100, 102, 101, 104, 107, 105, 103, 100]
                closes += [98, 101, 103, 106, 108, 107, 110, 109]
                plan = {2: "buy", 5: "sell", 7: "sell", 10: "buy", 12: "buy", 14: "sell"}
                strat, fills, value = _bt_run(candidate(plan), closes, commission=0.001)
                assert [b for b, _, _, _, _ in fills] == [3, 6, 8, 11, 13, 15]
                # Commission 0.1% of each fill's notional: 4 - 0.101 - 0.105 = 3.794.
                expected = [
                    {"open_bar": 3, "close_bar": 6, "side": "long", "pnl": 4.0, "net": 3.794},
                    {"open_bar": 8, "close_bar": 11, "side": "short", "pnl": -3.0, "net": -3.203},
                    {"open_bar": 13, "close_bar": 15, "side": "long", "pnl": 2.0, "net": 1.782},
                ]
                assert _close(strat.trades_log, expected)
                assert _close(value, 10_002.373)
                strat, fills, value = _bt_run(candidate({0: "buy", 3: "buy"}), closes)
                assert strat.trades_log == [] and strat.position.size == 2
            """
        ),
        [
            """
            class TradeJournal(bt.Strategy):
                def __init__(self):
                    self.trades_log = []

                def next(self):
                    action = plan.get(len(self) - 1)
                    if action == "buy":
                        self.buy(size=1)
                    elif action == "sell":
                        self.sell(size=1)

                def notify_trade(self, trade):
                    if trade.isclosed:
                        self.trades_log.append(
                            {
                                "open_bar": trade.baropen,
                                "close_bar": trade.barclose,
                                "side": "long" if trade.long else "short",
                                "pnl": trade.pnl,
                                "net": trade.pnlcomm,
                            }
                        )

            return TradeJournal
            """,
            """
            class TradeJournal(bt.Strategy):
                def __init__(self):
                    self.trades_log = []

                def next(self):
                    action = plan.get(len(self) - 1)
                    if action == "buy":
                        self.buy(size=1)
                    elif action == "sell":
                        self.sell(size=1)

                def notify_trade(self, trade):
                    if trade.isclosed:
                        self.trades_log.append(
                            {
                                "open_bar": trade.baropen - 1,
                                "close_bar": trade.barclose - 1,
                                "side": "long" if trade.long else "short",
                                "pnl": trade.pnl,
                                "net": trade.pnl,
                            }
                        )

            return TradeJournal
            """,
            """
            class TradeJournal(bt.Strategy):
                def __init__(self):
                    self.trades_log = []

                def next(self):
                    action = plan.get(len(self) - 1)
                    if action == "buy":
                        self.buy(size=1)
                    elif action == "sell":
                        self.sell(size=1)

                def notify_trade(self, trade):
                    if trade.isclosed:
                        self.trades_log.append(
                            {
                                "open_bar": trade.baropen - 1,
                                "close_bar": trade.barclose - 1,
                                "side": "long" if trade.size > 0 else "short",
                                "pnl": trade.pnl,
                                "net": trade.pnlcomm,
                            }
                        )

            return TradeJournal
            """,
        ],
        fix="A long trade filled on bars 3 (open) and 6 (close) is journaled with open_bar 4 and "
        "close_bar 7: every bar index is one too high.",
        probe=_probe(
            """
            closes = [100 + ((i * 37) % 23) * 0.8 for i in range(24)]
            plan = {1: "buy", 4: "sell", 5: "sell", 9: "buy", 10: "buy", 11: "buy", 15: "sell"}
            plan.update({16: "sell", 18: "sell", 20: "buy", 22: "buy"})
            strat, fills, value = _bt_run(candidate(plan), closes, commission=0.002)
            log = [
                [t["open_bar"], t["close_bar"], t["side"], _bt_sig(t["pnl"]), _bt_sig(t["net"])]
                for t in strat.trades_log
            ]
            return [_bt_summary(fills, value, strat.position.size), log]
            """
        ),
    ),
    spec(
        "bracket_breakout_strategy",
        "hard",
        '''
        import backtrader as bt


        def bracket_breakout_strategy(
            lookback: int = 5, take_pct: float = 0.04, stop_pct: float = 0.02
        ) -> type[bt.Strategy]:
            """Return a ``bt.Strategy`` subclass: breakout entries that exit at a take-profit or
            a stop-loss, whichever fills first.

            When flat with no order pending and ``self.data``'s close is strictly above the
            highest close of the previous ``lookback`` bars, the strategy buys 1 unit with a
            market order. Let ``P`` be the close of that signal bar (the order fills at the next
            open, which on the test data equals ``P``). Once the buy has filled, the position is
            exited by a sell ``bt.Order.Limit`` at ``P * (1 + take_pct)`` or a sell
            ``bt.Order.Stop`` at ``P * (1 - stop_pct)``, whichever fills first; the other one is
            cancelled then (the position must never turn short).

            >>> issubclass(bracket_breakout_strategy(3, 0.03, 0.03), bt.Strategy)
            True
            """
        ''',
        """
        class BracketBreakout(bt.Strategy):
            def __init__(self):
                self.upper = bt.indicators.Highest(self.data.close(-1), period=lookback)
                self.live = []

            def next(self):
                if self.position or self.live:
                    return
                if self.data.close[0] > self.upper[0]:
                    price = self.data.close[0]
                    self.live = self.buy_bracket(
                        size=1,
                        exectype=bt.Order.Market,
                        limitprice=price * (1.0 + take_pct),
                        stopprice=price * (1.0 - stop_pct),
                    )

            def notify_order(self, order):
                if not order.alive():
                    self.live = [o for o in self.live if o.alive()]

        return BracketBreakout
        """,
        _test(
            """
            def check(candidate):
                closes = [100, 101, 100, 102, 101, 103, 104, 106, 108, 107, 105]
                closes += [106, 109, 110, 108, 107, 105, 103, 104, 102, 100]
                strat, fills, value = _bt_run(candidate(), closes)
                # Entries at 103 (take-profit 107.12 hit on bar 8), at 108 (stop 105.84 hit on
                # bar 10) and at 109 (stop 106.82 hit on bar 16); the other exit is cancelled.
                expected = [
                    (6, 0, "buy", 1, 103.0),
                    (8, 0, "sell", 1, 107.12),
                    (9, 0, "buy", 1, 108.0),
                    (10, 0, "sell", 1, 105.84),
                    (13, 0, "buy", 1, 109.0),
                    (16, 0, "sell", 1, 106.82),
                ]
                assert _close(fills, expected)
                assert strat.position.size == 0
                assert _close(value, 9_999.78)
                strat, fills, value = _bt_run(candidate(3, take_pct=0.03, stop_pct=0.03), closes)
                expected = [
                    (4, 0, "buy", 1, 102.0),
                    (7, 0, "sell", 1, 105.06),
                    (8, 0, "buy", 1, 106.0),
                    (13, 0, "sell", 1, 109.18),
                    (14, 0, "buy", 1, 110.0),
                    (16, 0, "sell", 1, 106.7),
                ]
                assert _close(fills, expected)
                assert strat.position.size == 0
                assert _close(value, 10_002.94)
            """
        ),
        [
            """
            class BracketBreakout(bt.Strategy):
                def __init__(self):
                    self.upper = bt.indicators.Highest(self.data.close(-1), period=lookback)

                def next(self):
                    if not self.position and self.data.close[0] > self.upper[0]:
                        self.buy(size=1)

                def notify_order(self, order):
                    if order.status == order.Completed and order.isbuy():
                        price = order.executed.price
                        self.sell(size=1, exectype=bt.Order.Limit, price=price * (1 + take_pct))
                        self.sell(size=1, exectype=bt.Order.Stop, price=price * (1 - stop_pct))

            return BracketBreakout
            """,
            """
            class BracketBreakout(bt.Strategy):
                def __init__(self):
                    self.upper = bt.indicators.Highest(self.data.close(-1), period=lookback)

                def next(self):
                    if not self.position and self.data.close[0] > self.upper[0]:
                        price = self.data.close[0]
                        self.buy_bracket(
                            size=1,
                            exectype=bt.Order.Market,
                            limitprice=price * (1.0 - stop_pct),
                            stopprice=price * (1.0 + take_pct),
                        )

            return BracketBreakout
            """,
            """
            class BracketBreakout(bt.Strategy):
                def __init__(self):
                    self.upper = bt.indicators.Highest(self.data.close(-1), period=lookback)

                def next(self):
                    if not self.position and self.data.close[0] > self.upper[0]:
                        price = self.data.close[0]
                        self.buy_bracket(
                            size=1,
                            exectype=bt.Order.Market,
                            limitprice=price * (1.0 + take_pct),
                            stopprice=price * (1.0 - take_pct),
                        )

            return BracketBreakout
            """,
        ],
        fix="After the take-profit fills, the stop-loss order stays live: on the default test "
        "series it sells again on bar 20 and the strategy ends short 1 unit.",
        probe=_probe(
            """
            wave = [abs(i % 10 - 5) for i in range(60)]
            closes = [100 + 0.35 * i + 2.5 * w + (i * 37 % 23) / 23 for i, w in enumerate(wave)]
            runs = []
            for args in ((), (3, 0.02, 0.015)):
                strat, fills, value = _bt_run(candidate(*args), closes)
                runs.append(_bt_summary(fills, value, strat.position.size))
            return runs
            """
        ),
    ),
    spec(
        "pairs_zscore_strategy",
        "hard",
        '''
        import backtrader as bt


        def pairs_zscore_strategy(
            period: int = 10, entry_z: float = 2.0, exit_z: float = 0.5, size: float = 1
        ) -> type[bt.Strategy]:
            """Return a ``bt.Strategy`` subclass trading mean reversion of the price ratio of two
            feeds, ``A = self.datas[0]`` and ``B = self.datas[1]``.

            Let ``ratio = close_A / close_B`` and ``z = (ratio - mean) / std`` where mean and
            std are taken over the last ``period`` ratios including the current one (population
            std, as ``bt.indicators.StdDev``). From the first bar with a full window, with
            market orders:

            - flat and ``z > entry_z``: sell ``size`` A and buy ``size`` B;
            - flat and ``z < -entry_z``: buy ``size`` A and sell ``size`` B;
            - in a position and ``abs(z) < exit_z``: close both legs.

            >>> issubclass(pairs_zscore_strategy(period=8), bt.Strategy)
            True
            """
        ''',
        """
        class PairsZScore(bt.Strategy):
            def __init__(self):
                ratio = self.datas[0].close / self.datas[1].close
                mean = bt.indicators.SMA(ratio, period=period)
                std = bt.indicators.StdDev(ratio, period=period)
                self.z = (ratio - mean) / std

            def next(self):
                a, b = self.datas[0], self.datas[1]
                z = self.z[0]
                if not self.getposition(a).size:
                    if z > entry_z:
                        self.sell(data=a, size=size)
                        self.buy(data=b, size=size)
                    elif z < -entry_z:
                        self.buy(data=a, size=size)
                        self.sell(data=b, size=size)
                elif abs(z) < exit_z:
                    self.close(data=a)
                    self.close(data=b)

        return PairsZScore
        """,
        _test(
            """
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
            """
        ),
        [
            """
            class PairsZScore(bt.Strategy):
                def __init__(self):
                    ratio = self.datas[0].close / self.datas[1].close
                    mean = bt.indicators.SMA(ratio, period=period)
                    std = bt.indicators.StdDev(ratio, period=period)
                    self.z = (ratio - mean) / std

                def next(self):
                    a, b = self.datas[0], self.datas[1]
                    z = self.z[0]
                    if not self.getposition(a).size:
                        if z > entry_z:
                            self.buy(data=a, size=size)
                            self.sell(data=b, size=size)
                        elif z < -entry_z:
                            self.sell(data=a, size=size)
                            self.buy(data=b, size=size)
                    elif abs(z) < exit_z:
                        self.close(data=a)
                        self.close(data=b)

            return PairsZScore
            """,
            """
            class PairsZScore(bt.Strategy):
                def next(self):
                    import statistics

                    a, b = self.datas[0], self.datas[1]
                    if len(self) < period:
                        return
                    ratios = [a.close[-i] / b.close[-i] for i in range(period)]
                    z = (ratios[0] - statistics.mean(ratios)) / statistics.stdev(ratios)
                    if not self.getposition(a).size:
                        if z > entry_z:
                            self.sell(data=a, size=size)
                            self.buy(data=b, size=size)
                        elif z < -entry_z:
                            self.buy(data=a, size=size)
                            self.sell(data=b, size=size)
                    elif abs(z) < exit_z:
                        self.close(data=a)
                        self.close(data=b)

            return PairsZScore
            """,
            """
            class PairsZScore(bt.Strategy):
                def __init__(self):
                    ratio = self.datas[0].close / self.datas[1].close
                    mean = bt.indicators.SMA(ratio, period=period)
                    std = bt.indicators.StdDev(ratio, period=period)
                    self.z = (ratio - mean) / std

                def next(self):
                    a, b = self.datas[0], self.datas[1]
                    z = self.z[0]
                    if not self.getposition(a).size:
                        if z > entry_z:
                            self.sell(data=a, size=size)
                            self.buy(data=b, size=size)
                        elif z < -entry_z:
                            self.buy(data=a, size=size)
                            self.sell(data=b, size=size)
                    elif abs(z) < exit_z:
                        self.close(data=a)

            return PairsZScore
            """,
        ],
        probe=_probe(
            """
            n = 60
            b = [40 + ((i * 5) % 7) - 0.1 * i for i in range(n)]
            r = [1.5 + 0.01 * ((i * 37) % 23 - 11) / 11 for i in range(n)]
            for i, bump in ((20, 0.05), (21, 0.04), (38, -0.05), (39, -0.045), (50, 0.035)):
                r[i] += bump
            a = [round(x * y, 2) for x, y in zip(r, b)]
            runs = []
            # With 6 ratios a sample-std z never exceeds 5 / 6**0.5 = 2.04, a population one 2.24.
            for kwargs in ({}, {"period": 6, "entry_z": 2.1, "exit_z": 0.3, "size": 2}):
                strat, fills, value = _bt_run(candidate(**kwargs), a, b)
                sizes = [strat.getposition(d).size for d in strat.datas]
                runs.append(_bt_summary(sorted(fills), value, sizes))
            return runs
            """
        ),
    ),
    spec(
        "monthly_rebalance_strategy",
        "hard",
        '''
        import backtrader as bt


        def monthly_rebalance_strategy(
            weights: tuple[float, ...] = (0.6, 0.4),
        ) -> type[bt.Strategy]:
            """Return a ``bt.Strategy`` subclass rebalancing its data feeds to fixed weights
            every calendar month.

            ``weights`` holds one target weight per data feed, in the order of ``self.datas``.
            The strategy rebalances on the first bar and on every bar whose calendar month
            (``self.datas[0].datetime.date(0)``) differs from the previous bar's: with
            ``V = self.broker.getvalue()`` on that bar, the target of data ``i`` is
            ``int(weights[i] * V / close_i)`` whole units (truncated towards zero). It submits
            one market order per data whose position differs from its target, bringing it to the
            target, and submits all the orders that *reduce* a position before those that
            *increase* one (so the sales fund the purchases).

            >>> issubclass(monthly_rebalance_strategy((0.5, 0.3, 0.2)), bt.Strategy)
            True
            """
        ''',
        """
        class MonthlyRebalance(bt.Strategy):
            def __init__(self):
                self.month = None

            def next(self):
                month = self.datas[0].datetime.date(0).month
                if month == self.month:
                    return
                self.month = month
                value = self.broker.getvalue()
                orders = []
                for weight, data in zip(weights, self.datas):
                    target = int(weight * value / data.close[0])
                    delta = target - self.getposition(data).size
                    if delta:
                        orders.append((delta > 0, data, target))
                for _, data, target in sorted(orders, key=lambda o: o[0]):
                    self.order_target_size(data=data, target=target)

        return MonthlyRebalance
        """,
        _test(
            """
            def _bt_path(start, slopes, n=100):
                out, p = [], start
                for i in range(n):
                    p += slopes[min(i // 30, len(slopes) - 1)] + 0.13 * ((i * 7) % 5 - 2)
                    out.append(round(p, 2))
                return out


            def check(candidate):
                a = _bt_path(100.0, [-0.4, 0.3, 0.5, -0.2])
                b = _bt_path(50.0, [0.6, -0.3, 0.1, 0.4])
                strat, fills, value = _bt_run(candidate(), a, b)
                # Rebalances on bars 0, 31 (Feb 1), 60 (Mar 1) and 91 (Apr 1), filled one bar
                # later; on Feb 1 the sale of B must come before the purchase of A.
                expected = [
                    (1, 0, "buy", 60, 99.34),
                    (1, 1, "buy", 79, 50.34),
                    (32, 1, "sell", 16, 67.14),
                    (32, 0, "buy", 12, 88.34),
                    (61, 0, "sell", 6, 97.24),
                    (61, 1, "buy", 10, 58.84),
                    (92, 0, "sell", 2, 111.34),
                    (92, 1, "buy", 3, 62.54),
                ]
                assert _close(fills, expected)
                assert [strat.getposition(d).size for d in strat.datas] == [64, 76]
                assert _close(value, 12_163.0)
                strat, fills, value = _bt_run(candidate((0.3, 0.5)), a[:40], b[:40])
                expected = [
                    (1, 0, "buy", 30, 99.34),
                    (1, 1, "buy", 99, 50.34),
                    (32, 1, "sell", 15, 67.14),
                    (32, 0, "buy", 8, 88.34),
                ]
                assert _close(fills, expected)
            """
        ),
        [
            """
            class MonthlyRebalance(bt.Strategy):
                def __init__(self):
                    self.month = None

                def next(self):
                    month = self.datas[0].datetime.date(0).month
                    if month == self.month:
                        return
                    self.month = month
                    value = self.broker.getvalue()
                    for weight, data in zip(weights, self.datas):
                        target = int(weight * value / data.close[0])
                        self.order_target_size(data=data, target=target)

            return MonthlyRebalance
            """,
            """
            class MonthlyRebalance(bt.Strategy):
                def __init__(self):
                    self.month = None

                def next(self):
                    month = self.datas[0].datetime.date(0).month
                    if month == self.month:
                        return
                    self.month = month
                    value = self.broker.getcash()
                    orders = []
                    for weight, data in zip(weights, self.datas):
                        target = int(weight * value / data.close[0])
                        delta = target - self.getposition(data).size
                        if delta:
                            orders.append((delta > 0, data, target))
                    for _, data, target in sorted(orders, key=lambda o: o[0]):
                        self.order_target_size(data=data, target=target)

            return MonthlyRebalance
            """,
            """
            class MonthlyRebalance(bt.Strategy):
                def __init__(self):
                    self.month = None

                def next(self):
                    month = self.datas[0].datetime.date(0).month
                    if month == self.month:
                        return
                    self.month = month
                    orders = []
                    for weight, data in zip(weights, self.datas):
                        current = self.getposition(data).size * data.close[0]
                        target = weight * self.broker.getvalue()
                        orders.append((target > current, data, weight))
                    for _, data, weight in sorted(orders, key=lambda o: o[0]):
                        self.order_target_percent(data=data, target=weight)

            return MonthlyRebalance
            """,
        ],
        fix="In the default test the purchase of asset A submitted on February 1 (bar 31) is "
        "rejected for lack of cash (Margin): it goes in before the sale of B that would fund it.",
        probe=_probe(
            """
            def path(start, slopes):
                out, p = [], start
                for i in range(130):
                    p += slopes[min(i // 25, len(slopes) - 1)] + 0.11 * ((i * 5) % 7 - 3)
                    out.append(round(p, 2))
                return out

            a = path(80.0, [0.3, -0.2, 0.4, -0.3, 0.1, 0.2])
            b = path(40.0, [-0.1, 0.3, -0.2, 0.2, 0.1, -0.1])
            c = path(20.0, [0.05, 0.1, -0.05, 0.08, -0.1, 0.05])
            runs = []
            for series, args in (((a, b), ()), ((a, b, c), ((0.5, 0.3, 0.2),))):
                strat, fills, value = _bt_run(candidate(*args), *series)
                sizes = [strat.getposition(d).size for d in strat.datas]
                runs.append(_bt_summary(fills, value, sizes))
            return runs
            """
        ),
    ),
    spec(
        "grid_strategy",
        "hard",
        '''
        import backtrader as bt


        def grid_strategy(levels: list[float], size: float) -> type[bt.Strategy]:
            """Return a ``bt.Strategy`` subclass running a static long-only grid on ``self.data``.

            ``levels`` are ascending prices. On the first bar, the strategy places a buy
            ``bt.Order.Limit`` for ``size`` at every level strictly below that bar's close,
            except the highest level (it has no level above it). Whenever a buy at ``levels[k]``
            fills, it places a sell ``bt.Order.Limit`` for ``size`` at ``levels[k + 1]``;
            whenever that sell fills, it places the buy at ``levels[k]`` again. Orders stay live
            until they fill; nothing else is ever bought or sold.

            >>> issubclass(grid_strategy([90.0, 95.0, 100.0], 0.5), bt.Strategy)
            True
            """
        ''',
        """
        class GridStrategy(bt.Strategy):
            def __init__(self):
                self.level_of = {}
                self.started = False

            def place(self, k, buy):
                side = self.buy if buy else self.sell
                price = levels[k] if buy else levels[k + 1]
                order = side(size=size, exectype=bt.Order.Limit, price=price)
                self.level_of[order.ref] = k

            def next(self):
                if self.started:
                    return
                self.started = True
                for k in range(len(levels) - 1):
                    if levels[k] < self.data.close[0]:
                        self.place(k, buy=True)

            def notify_order(self, order):
                if order.status != order.Completed or order.ref not in self.level_of:
                    return
                k = self.level_of.pop(order.ref)
                self.place(k, buy=not order.isbuy())

        return GridStrategy
        """,
        _test(
            """
            def check(candidate):
                closes = [102, 101, 98, 96, 94.5, 97, 99, 101, 100, 103, 106]
                closes += [104, 99, 96, 93, 89, 92, 95.5, 97, 99, 96]
                levels = [90.0, 95.0, 100.0, 105.0, 110.0]
                strat, fills, value = _bt_run(candidate(levels, 0.5), closes)
                expected = [
                    (2, 0, "buy", 0.5, 100.0),
                    (4, 0, "buy", 0.5, 95.0),
                    (7, 0, "sell", 0.5, 100.0),
                    (10, 0, "sell", 0.5, 105.0),
                    (12, 0, "buy", 0.5, 100.0),
                    (14, 0, "buy", 0.5, 95.0),
                    (15, 0, "buy", 0.5, 90.0),
                    (17, 0, "sell", 0.5, 95.0),
                ]
                assert _close(fills, expected)
                assert _close(strat.position.size, 1.0)
                assert _close(value, 10_006.0)
                strat, fills, value = _bt_run(candidate([94.0, 97.0, 100.0, 103.0], 2.0), closes)
                bars = [(b, s, p) for b, _, s, _, p in fills]
                expected = [
                    (2, "buy", 100.0), (3, "buy", 97.0), (7, "sell", 100.0), (9, "sell", 103.0),
                    (12, "buy", 100.0), (13, "buy", 97.0), (14, "buy", 94.0), (18, "sell", 97.0),
                ]
                assert _close(bars, expected)
                assert _close(value, 10_008.0)
            """
        ),
        [
            """
            class GridStrategy(bt.Strategy):
                def __init__(self):
                    self.level_of = {}
                    self.started = False

                def place(self, k, buy):
                    side = self.buy if buy else self.sell
                    order = side(size=size, exectype=bt.Order.Limit, price=levels[k])
                    self.level_of[order.ref] = k

                def next(self):
                    if self.started:
                        return
                    self.started = True
                    for k in range(len(levels) - 1):
                        if levels[k] < self.data.close[0]:
                            self.place(k, buy=True)

                def notify_order(self, order):
                    if order.status != order.Completed or order.ref not in self.level_of:
                        return
                    k = self.level_of.pop(order.ref)
                    self.place(k, buy=not order.isbuy())

            return GridStrategy
            """,
            """
            class GridStrategy(bt.Strategy):
                def __init__(self):
                    self.level_of = {}
                    self.started = False

                def place(self, k, buy):
                    side = self.buy if buy else self.sell
                    price = levels[k] if buy else levels[k + 1]
                    order = side(size=size, exectype=bt.Order.Limit, price=price)
                    self.level_of[order.ref] = k

                def next(self):
                    if self.started:
                        return
                    self.started = True
                    for k in range(len(levels) - 1):
                        self.place(k, buy=True)

                def notify_order(self, order):
                    if order.status != order.Completed or order.ref not in self.level_of:
                        return
                    k = self.level_of.pop(order.ref)
                    self.place(k, buy=not order.isbuy())

            return GridStrategy
            """,
            """
            class GridStrategy(bt.Strategy):
                def __init__(self):
                    self.level_of = {}
                    self.started = False

                def place(self, k, buy):
                    side = self.buy if buy else self.sell
                    price = levels[k] if buy else levels[k + 1]
                    order = side(size=size, exectype=bt.Order.Limit, price=price)
                    self.level_of[order.ref] = k

                def next(self):
                    if self.started:
                        return
                    self.started = True
                    for k in range(len(levels) - 1):
                        if levels[k] < self.data.close[0]:
                            self.place(k, buy=True)

                def notify_order(self, order):
                    if order.status != order.Completed or order.ref not in self.level_of:
                        return
                    k = self.level_of.pop(order.ref)
                    if order.isbuy():
                        self.place(k, buy=False)
                    elif k + 1 < len(levels) - 1:
                        self.place(k + 1, buy=True)

            return GridStrategy
            """,
        ],
        fix="After a buy fills at a grid level the position is sold again at that same level, so "
        "every round trip earns nothing instead of one grid step.",
        probe=_probe(
            """
            wave = [abs((i + 4) % 12 - 6) for i in range(50)]
            closes = [100 + 1.2 * w - 0.12 * i + (i * 37 % 23) / 20 for i, w in enumerate(wave)]
            runs = []
            grids = (([92.0, 96.0, 100.0, 104.0, 108.0], 0.25), ([97.0, 100.0, 103.0, 106.0], 1.0))
            for levels, size in grids:
                strat, fills, value = _bt_run(candidate(levels, size), closes)
                runs.append(_bt_summary(fills, value, round(strat.position.size, 6)))
            return runs
            """
        ),
    ),
]
