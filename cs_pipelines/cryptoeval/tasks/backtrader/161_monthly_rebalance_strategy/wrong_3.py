import backtrader as bt


def monthly_rebalance_strategy(
    weights: tuple[float, ...] = (0.6, 0.4),
) -> type[bt.Strategy]:
    """Return a ``bt.Strategy`` subclass rebalancing its data feeds to fixed weights
    every calendar month.

    ``weights`` holds one target weight per data feed, in the order of ``self.datas``.
    The strategy rebalances on the first bar and on every bar whose calendar month
    (``self.datas[0].datetime.date(0)``) differs from the previous bar's: with
    ``V = self.broker.getvalue()`` on that bar, the target of data ``i`` is
    ``int(weights[i] * V / close_i)`` whole units (truncated towards zero). It submits
    one market order per data whose position differs from its target, bringing it to the
    target, and submits all the orders that *reduce* a position before those that
    *increase* one (so the sales fund the purchases).

    >>> issubclass(monthly_rebalance_strategy((0.5, 0.3, 0.2)), bt.Strategy)
    True
    """
    class MonthlyRebalance(bt.Strategy):
        def __init__(self):
            self.month = None

        def next(self):
            month = self.datas[0].datetime.date(0).month
            if month == self.month:
                return
            self.month = month
            orders = []
            for weight, data in zip(weights, self.datas):
                current = self.getposition(data).size * data.close[0]
                target = weight * self.broker.getvalue()
                orders.append((target > current, data, weight))
            for _, data, weight in sorted(orders, key=lambda o: o[0]):
                self.order_target_percent(data=data, target=weight)

    return MonthlyRebalance
