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
