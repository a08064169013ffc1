import math


def sample_skewness(returns: list[float]) -> float:
    n = len(returns)
    if n < 3:
        raise ValueError("skewness requires three or more observations")
    mu = sum(returns) / n
    s2 = sum((x - mu) ** 2 for x in returns) / (n - 1)
    m3 = sum((x - mu) ** 3 for x in returns) / n
    if s2 == 0:
        return math.nan
    return m3 / s2**1.5 * math.sqrt(n * (n - 1)) / (n - 2)
