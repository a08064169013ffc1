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
    return m4 / (m2 * m2) - 3.0
