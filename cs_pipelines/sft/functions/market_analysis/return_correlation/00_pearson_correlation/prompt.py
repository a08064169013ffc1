import math


def pearson_correlation(xs: list[float], ys: list[float]) -> float:
    """Pearson correlation coefficient of two equally long series.

    ``sum(dx * dy) / sqrt(sum(dx ** 2) * sum(dy ** 2))`` with ``dx``/``dy`` the
    deviations from each series' mean. Return ``math.nan`` if either series is
    constant. Raise ``ValueError`` if the lengths differ or there are fewer
    than two observations.

    >>> round(pearson_correlation([1.0, 2.0, 3.0, 4.0], [2.0, 4.0, 5.0, 9.0]), 6)
    0.964764
    """
