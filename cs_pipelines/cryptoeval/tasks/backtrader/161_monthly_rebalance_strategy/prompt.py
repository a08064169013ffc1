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
