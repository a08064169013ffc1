import math


def sortino_ratio(
    returns: list[float], target: float = 0.0, periods_per_year: int = 365
) -> float:
    n = len(returns)
    ex = [r - target for r in returns]
    mean = sum(ex) / n
    sd = math.sqrt(sum((x - mean) ** 2 for x in ex) / (n - 1))
    if sd == 0:
        return math.inf if mean > 0 else math.nan
    return mean / sd * math.sqrt(periods_per_year)
