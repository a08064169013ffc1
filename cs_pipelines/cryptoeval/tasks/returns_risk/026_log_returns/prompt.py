import math


def log_returns(prices: list[float]) -> list[float]:
    """Log returns ``ln(prices[i] / prices[i - 1])`` for ``i >= 1``.

    The result has ``len(prices) - 1`` entries. Raise ``ValueError`` if any price is
    not strictly positive.

    >>> [round(r, 6) for r in log_returns([100.0, 110.0, 99.0])]
    [0.09531, -0.105361]
    """
