import backtrader as bt


def sma_cross_strategy(fast: int = 3, slow: int = 6) -> type[bt.Strategy]:
    """Return a ``bt.Strategy`` subclass trading a long-only crossover of two SMAs.

    The strategy trades ``self.data`` with simple moving averages of the close over
    ``fast`` and ``slow`` bars. When flat and the fast SMA crosses above the slow one
    (fast > slow on this bar, fast <= slow on the previous bar), it buys 1 unit with a
    market order; when long and the fast SMA crosses below the slow one (fast < slow now,
    fast >= slow on the previous bar), it closes the position with a market order. A
    cross needs both SMAs on both bars, so the first possible signal is on bar index
    ``slow`` (0-based).

    >>> issubclass(sma_cross_strategy(fast=2, slow=4), bt.Strategy)
    True
    """
