import backtrader as bt


def trailing_stop_strategy(period: int = 5, trail: float = 0.05) -> type[bt.Strategy]:
    """Return a ``bt.Strategy`` subclass: trend entries protected by a trailing stop.

    When flat with no order pending and ``self.data``'s close is above its
    ``period``-bar SMA, the strategy buys 1 unit with a market order. As soon as that buy
    is reported filled, it submits a sell ``bt.Order.StopTrail`` order for the position
    trailing by the fraction ``trail`` (0.05 = 5%): the stop starts at
    ``close * (1 - trail)`` of the bar it is submitted on and after every bar is raised
    (never lowered) to ``close * (1 - trail)``. Positions are exited only by that stop;
    once it has filled, the strategy may enter again.

    >>> issubclass(trailing_stop_strategy(3, 0.03), bt.Strategy)
    True
    """
