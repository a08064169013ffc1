import backtrader as bt


def sma_cross_strategy(fast: int = 3, slow: int = 6) -> type[bt.Strategy]:
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
