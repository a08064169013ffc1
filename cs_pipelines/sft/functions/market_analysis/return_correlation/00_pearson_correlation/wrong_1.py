import math


def pearson_correlation(xs: list[float], ys: list[float]) -> float:
    if len(xs) != len(ys):
        raise ValueError("series lengths differ")
    if len(xs) < 2:
        raise ValueError("correlation needs two or more observations")
    n = len(xs)
    ax = sum(xs) / n
    ay = sum(ys) / n
    dx = [x - ax for x in xs]
    dy = [y - ay for y in ys]
    sxx = sum(a * a for a in dx) / n
    syy = sum(b * b for b in dy) / n
    if sxx == 0 or syy == 0:
        return math.nan
    cov = sum(a * b for a, b in zip(dx, dy)) / (n - 1)
    return cov / math.sqrt(sxx * syy)
