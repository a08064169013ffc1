import backtrader as bt


def sma_cross_strategy(fast: int = 3, slow: int = 6) -> type[bt.Strategy]:
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
