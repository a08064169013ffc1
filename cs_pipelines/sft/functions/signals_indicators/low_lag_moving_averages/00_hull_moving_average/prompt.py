import math


def hull_moving_average(values: list[float], window: int) -> list[float]:
    """Hull moving average (HMA).

    Let ``lw(x, k)`` be the linearly weighted mean of the last ``k`` entries of a
    series, weights ``1, 2, ..., k`` from oldest to newest. With
    ``half = window // 2`` and ``root = int(math.sqrt(window))``:
    ``raw[i] = 2 * lw(values, half)[i] - lw(values, window)[i]`` and
    ``hma = lw(raw, root)``. A position is ``float("nan")`` until every term
    exists, i.e. the first ``window + root - 2`` positions. Raise ``ValueError``
    if ``window < 2``.

    >>> hma = hull_moving_average([1.0, 2.0, 3.0, 4.0, 5.0, 6.0], 4)
    >>> [round(x, 6) for x in hma]
    [nan, nan, nan, nan, 5.0, 6.0]
    """
