import math


def gain_to_pain_ratio(returns: list[float]) -> float:
    """Schwager's gain-to-pain ratio of periodic returns.

    The *net* sum of all returns divided by the absolute sum of the negative
    returns (``sum(r) / |sum(r for r < 0)|``). Return ``math.inf`` when no return
    is negative. Raise ``ValueError`` for an empty list.

    >>> round(gain_to_pain_ratio([0.05, -0.02, 0.03, -0.01]), 6)
    1.666667
    """
