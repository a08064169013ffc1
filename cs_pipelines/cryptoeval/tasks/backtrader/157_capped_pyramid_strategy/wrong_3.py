import backtrader as bt


def capped_pyramid_strategy(stake: float = 1, max_units: float = 3) -> type[bt.Strategy]:
    """Return a ``bt.Strategy`` subclass pyramiding into up-moves under a position cap.

    From the second bar on, on a bar whose close (of ``self.data``) is strictly above
    the previous close, the strategy buys ``stake`` units with a market order, unless
    that would take the position above ``max_units`` (it never buys a partial stake); on
    a bar whose close is strictly below the previous close, it closes the whole position
    (if any) with a market order.

    >>> issubclass(capped_pyramid_strategy(2, 5), bt.Strategy)
    True
    """
    class CappedPyramid(bt.Strategy):
        def next(self):
            if len(self) < 2:
                return
            if self.data.close[0] > self.data.close[-1]:
                self.buy(size=stake)
            elif self.data.close[0] < self.data.close[-1] and self.position:
                self.close()

    return CappedPyramid
