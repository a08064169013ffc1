import math


def tail_ratio(returns: list[float], q: float = 0.95) -> float:
    """Size of the right tail relative to the left tail of a return sample.

    ``|P(q)| / |P(1 - q)|`` where ``P(p)`` is the ``p``-quantile with linear
    interpolation between sorted values: position ``(n - 1) * p`` in the
    ascending sample, interpolated between its floor and the next element.
    Return ``math.inf`` when the lower quantile is 0. Raise ``ValueError`` for
    fewer than two returns or unless ``0.5 < q < 1``.

    >>> round(tail_ratio([0.01, -0.05, 0.08, 0.0, -0.02, 0.03, -0.01, 0.04,
    ...                   0.01, -0.03, 0.02]), 6)
    1.5
    """
    if len(returns) < 2:
        raise ValueError("a tail ratio needs two or more returns")
    if not 0.5 < q < 1.0:
        raise ValueError("q must be strictly between 0.5 and 1")
    ordered = sorted(returns)
    last = len(ordered) - 1
    left = abs(ordered[round(last * (1.0 - q))])
    if left == 0:
        return math.inf
    return abs(ordered[round(last * q)]) / left
