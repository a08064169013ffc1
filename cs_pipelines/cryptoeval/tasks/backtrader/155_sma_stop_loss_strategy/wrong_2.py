import backtrader as bt


def sma_stop_loss_strategy(period: int = 5, stop_pct: float = 0.05) -> type[bt.Strategy]:
    class SmaStopLoss(bt.Strategy):
        def __init__(self):
            self.sma = bt.indicators.SMA(self.data.close, period=period)

        def next(self):
            if not self.position and self.data.close[0] > self.sma[0]:
                self.buy(size=1)

    return SmaStopLoss
