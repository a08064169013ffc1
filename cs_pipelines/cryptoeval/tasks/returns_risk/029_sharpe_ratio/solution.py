import math


def sharpe_ratio(
    returns: list[float], risk_free_annual: float = 0.0, periods_per_year: int = 365
) -> float:
    """Annualised Sharpe ratio of periodic (daily by default) returns.

    Excess returns are ``r - risk_free_annual / periods_per_year``. The ratio is
    ``mean(excess) / stdev(excess) * sqrt(periods_per_year)`` with the sample standard
    deviation (``n - 1``). Return ``nan`` when the standard deviation is 0 or there
    are fewer than two returns.

    >>> round(sharpe_ratio([0.01, 0.02, 0.0, 0.03]), 4)
    22.198
    """
    n = len(returns)
    if n < 2:
        return math.nan
    rf = risk_free_annual / periods_per_year
    ex = [r - rf for r in returns]
    mean = sum(ex) / n
    sd = math.sqrt(sum((x - mean) ** 2 for x in ex) / (n - 1))
    if sd == 0:
        return math.nan
    return mean / sd * math.sqrt(periods_per_year)
