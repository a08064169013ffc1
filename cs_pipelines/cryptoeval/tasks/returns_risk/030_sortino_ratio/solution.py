import math


def sortino_ratio(
    returns: list[float], target: float = 0.0, periods_per_year: int = 365
) -> float:
    """Annualised Sortino ratio.

    ``mean(r - target) / downside_deviation * sqrt(periods_per_year)`` where the
    downside deviation is ``sqrt(mean(min(r - target, 0) ** 2))`` taken over *all*
    ``n`` observations (not only the losing ones). If the downside deviation is 0,
    return ``math.inf`` when the mean excess is positive and ``nan`` otherwise.

    >>> round(sortino_ratio([0.02, -0.01, 0.03, -0.02]), 4)
    8.544
    """
    n = len(returns)
    ex = [r - target for r in returns]
    mean = sum(ex) / n
    dd = math.sqrt(sum(min(x, 0.0) ** 2 for x in ex) / n)
    if dd == 0:
        return math.inf if mean > 0 else math.nan
    return mean / dd * math.sqrt(periods_per_year)
