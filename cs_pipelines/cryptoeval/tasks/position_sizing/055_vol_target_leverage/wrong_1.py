import math


def vol_target_leverage(
    daily_returns: list[float], target_vol_annual: float, max_leverage: float
) -> float:
    """Leverage that scales a strategy to a target annualised volatility.

    Realised annual volatility is the sample standard deviation (``n - 1``) of
    ``daily_returns`` times ``sqrt(365)`` (crypto trades 365 days a year). Leverage is
    ``target_vol_annual / realised``, capped at ``max_leverage``; if realised volatility
    is 0, return ``max_leverage``.

    >>> round(vol_target_leverage([0.01, -0.01, 0.02, 0.0], 0.2, 3.0), 6)
    0.810885
    """
    n = len(daily_returns)
    mean = sum(daily_returns) / n
    sd = math.sqrt(sum((r - mean) ** 2 for r in daily_returns) / (n - 1))
    realised = sd * math.sqrt(252)
    if realised == 0:
        return max_leverage
    return min(max_leverage, target_vol_annual / realised)
