import math


def pearson_correlation(xs: list[float], ys: list[float]) -> float:
    if len(xs) != len(ys):
        raise ValueError("series lengths differ")
    if len(xs) < 2:
        raise ValueError("correlation needs two or more observations")
    ax = sum(xs) / len(xs)
    ay = sum(ys) / len(ys)
    dx = [x - ax for x in xs]
    dy = [y - ay for y in ys]
    sxx = sum(a * a for a in dx)
    syy = sum(b * b for b in ys)
    if sxx == 0 or syy == 0:
        return math.nan
    return sum(a * b for a, b in zip(dx, dy)) / math.sqrt(sxx * syy)
