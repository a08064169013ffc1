import backtrader as bt


def dca_strategy(quote_amount: float, every: int) -> type[bt.Strategy]:
    """Return a ``bt.Strategy`` subclass that dollar-cost averages into ``self.data``.

    On bar 0 and then on every ``every``-th bar (0-based bar indices ``0, every,
    2 * every, ...``; the current bar's index is ``len(self) - 1``) it submits a market
    buy that spends ``quote_amount`` of cash: size ``quote_amount / close`` in fractional
    units, using the close of the bar the order is placed on. It never sells.

    >>> issubclass(dca_strategy(100.0, 7), bt.Strategy)
    True
    """
    class DcaStrategy(bt.Strategy):
        def next(self):
            if (len(self) - 1) % every == 0:
                self.buy(size=quote_amount / self.data.close[0])

    return DcaStrategy
