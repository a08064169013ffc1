import math


def rolling_correlation(
    xs: list[float], ys: list[float], window: int
) -> list[float]:
    """Pearson correlation of two series over a trailing window.

    Entry ``t`` is the correlation of ``xs[t - window + 1 : t + 1]`` with the
    matching slice of ``ys``. The output has the input's length: the first
    ``window - 1`` entries, and any window where either slice is constant, are
    ``math.nan``. Raise ``ValueError`` if the lengths differ or ``window < 2``.

    >>> [round(c, 4) for c in rolling_correlation([1, 2, 3, 4], [1, 3, 2, 5], 3)]
    [nan, nan, 0.5, 0.6547]
    """
