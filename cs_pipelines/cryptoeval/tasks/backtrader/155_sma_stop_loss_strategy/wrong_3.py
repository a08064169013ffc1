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
