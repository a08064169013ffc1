import math


def simple_returns(prices: list[float]) -> list[float]:
    """Simple (arithmetic) returns ``prices[i] / prices[i - 1] - 1`` for ``i >= 1``.

    The result has ``len(prices) - 1`` entries (no leading placeholder); fewer than two
    prices give an empty list.

    >>> [round(r, 6) for r in simple_returns([100.0, 110.0, 99.0])]
    [0.1, -0.1]
    """
