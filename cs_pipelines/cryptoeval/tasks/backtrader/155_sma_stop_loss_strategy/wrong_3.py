import backtrader as bt


def sma_stop_loss_strategy(period: int = 5, stop_pct: float = 0.05) -> type[bt.Strategy]:
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
