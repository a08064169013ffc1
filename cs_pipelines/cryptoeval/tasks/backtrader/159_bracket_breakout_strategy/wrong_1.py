import backtrader as bt


def bracket_breakout_strategy(
    lookback: int = 5, take_pct: float = 0.04, stop_pct: float = 0.02
) -> type[bt.Strategy]:
    class BracketBreakout(bt.Strategy):
        def __init__(self):
            self.upper = bt.indicators.Highest(self.data.close(-1), period=lookback)

        def next(self):
            if not self.position and self.data.close[0] > self.upper[0]:
                self.buy(size=1)

        def notify_order(self, order):
            if order.status == order.Completed and order.isbuy():
                price = order.executed.price
                self.sell(size=1, exectype=bt.Order.Limit, price=price * (1 + take_pct))
                self.sell(size=1, exectype=bt.Order.Stop, price=price * (1 - stop_pct))

    return BracketBreakout
