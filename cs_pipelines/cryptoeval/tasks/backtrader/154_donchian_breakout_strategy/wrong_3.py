import backtrader as bt


def donchian_breakout_strategy(
    entry_period: int = 5, exit_period: int = 3
) -> type[bt.Strategy]:
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
