import math

import backtrader as bt


def percent_cash_sizer(percents: float = 20.0) -> type[bt.Sizer]:
    class PercentCashSizer(bt.Sizer):
        def _getsizing(self, comminfo, cash, data, isbuy):
            if not isbuy:
                return self.broker.getposition(data).size
            units = self.broker.getvalue() * percents / 100.0 / data.close[0]
            return math.floor(units * 1000.0) / 1000.0

    return PercentCashSizer
