import math


def sharpe_ratio(
    returns: list[float], risk_free_annual: float = 0.0, periods_per_year: int = 365
) -> float:
    n = len(returns)
    if n < 2:
        return math.nan
    rf = risk_free_annual / periods_per_year
    ex = [r - rf for r in returns]
    mean = sum(ex) / n
    sd = math.sqrt(sum((x - mean) ** 2 for x in ex) / (n - 1))
    if sd == 0:
        return math.nan
    return mean / sd * periods_per_year
