import backtrader as bt


def grid_strategy(levels: list[float], size: float) -> type[bt.Strategy]:
    class GridStrategy(bt.Strategy):
        def __init__(self):
            self.level_of = {}
            self.started = False

        def place(self, k, buy):
            side = self.buy if buy else self.sell
            order = side(size=size, exectype=bt.Order.Limit, price=levels[k])
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
