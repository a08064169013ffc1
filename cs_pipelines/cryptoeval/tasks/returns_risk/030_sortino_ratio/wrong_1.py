import math


def sortino_ratio(
    returns: list[float], target: float = 0.0, periods_per_year: int = 365
) -> float:
    n = len(returns)
    ex = [r - target for r in returns]
    mean = sum(ex) / n
    neg = [x for x in ex if x < 0]
    if not neg:
        return math.inf if mean > 0 else math.nan
    dd = math.sqrt(sum(x * x for x in neg) / len(neg))
    return mean / dd * math.sqrt(periods_per_year)
