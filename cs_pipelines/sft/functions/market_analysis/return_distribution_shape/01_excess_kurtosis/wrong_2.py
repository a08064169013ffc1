import math


def excess_kurtosis(returns: list[float]) -> float:
    n = len(returns)
    if n < 4:
        raise ValueError("kurtosis requires four or more observations")
    mu = sum(returns) / n
    devs = [x - mu for x in returns]
    m2 = sum(d * d for d in devs) / n
    m4 = sum(d**4 for d in devs) / n
    if m2 == 0:
        return math.nan
    g2 = m4 / (m2 * m2)
    return ((n + 1) * g2 + 6.0) * (n - 1) / ((n - 2) * (n - 3))
