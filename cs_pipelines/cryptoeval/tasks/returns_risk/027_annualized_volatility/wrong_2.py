import math


def annualized_volatility(returns: list[float], periods_per_year: int = 365) -> float:
    n = len(returns)
    if n < 2:
        raise ValueError("need at least two returns")
    mean = sum(returns) / n
    var = sum((r - mean) ** 2 for r in returns) / n
    return math.sqrt(var) * math.sqrt(periods_per_year)
