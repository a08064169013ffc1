import backtrader as bt


def sma_cross_strategy(fast: int = 3, slow: int = 6) -> type[bt.Strategy]:
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
