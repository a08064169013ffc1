import backtrader as bt


def donchian_breakout_strategy(
    entry_period: int = 5, exit_period: int = 3
) -> type[bt.Strategy]:
    """Return a ``bt.Strategy`` subclass trading a long-only Donchian breakout on closes.

    ``exit_period <= entry_period``. When flat, the strategy buys 1 unit with a market
    order if ``self.data``'s close is strictly above the highest close of the previous
    ``entry_period`` bars (the current bar excluded). When long, it closes the position
    with a market order if the close is strictly below the lowest close of the previous
    ``exit_period`` bars. The first signal is possible on bar index ``entry_period``.

    >>> issubclass(donchian_breakout_strategy(4, 2), bt.Strategy)
    True
    """
