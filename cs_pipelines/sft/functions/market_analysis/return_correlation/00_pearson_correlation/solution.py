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
    if len(xs) != len(ys):
        raise ValueError("series lengths differ")
    if len(xs) < 2:
        raise ValueError("correlation needs two or more observations")
    ax = sum(xs) / len(xs)
    ay = sum(ys) / len(ys)
    dx = [x - ax for x in xs]
    dy = [y - ay for y in ys]
    sxx = sum(a * a for a in dx)
    syy = sum(b * b for b in dy)
    if sxx == 0 or syy == 0:
        return math.nan
    return sum(a * b for a, b in zip(dx, dy)) / math.sqrt(sxx * syy)
