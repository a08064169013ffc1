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
