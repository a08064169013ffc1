import math


def wma(values: list[float], window: int) -> list[float]:
    """Linearly weighted moving average: weights 1..window, the newest bar weighs most.

    Entry ``i`` is ``sum(k * values[i - window + k] for k in 1..window) /
    (window * (window + 1) / 2)``. The first ``window - 1`` entries are ``nan``.

    >>> wma([1.0, 2.0, 4.0], 2)
    [nan, 1.6666666666666667, 3.3333333333333335]
    """
