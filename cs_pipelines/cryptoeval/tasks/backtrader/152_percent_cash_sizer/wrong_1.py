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
    class PercentCashSizer(bt.Sizer):
        def _getsizing(self, comminfo, cash, data, isbuy):
            if not isbuy:
                return self.broker.getposition(data).size
            units = self.broker.getvalue() * percents / 100.0 / data.close[0]
            return math.floor(units * 1000.0) / 1000.0

    return PercentCashSizer
