import math


def sample_skewness(returns: list[float]) -> float:
    n = len(returns)
    if n < 3:
        raise ValueError("skewness requires three or more observations")
    mu = sum(returns) / n
    m2 = sum((x - mu) ** 2 for x in returns) / n
    m3 = sum((x - mu) ** 3 for x in returns) / n
    if m2 == 0:
        return math.nan
    return m3 / m2**1.5
