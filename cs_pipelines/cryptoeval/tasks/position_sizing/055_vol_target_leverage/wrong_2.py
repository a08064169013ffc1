import math


def vol_target_leverage(
    daily_returns: list[float], target_vol_annual: float, max_leverage: float
) -> float:
    n = len(daily_returns)
    mean = sum(daily_returns) / n
    sd = math.sqrt(sum((r - mean) ** 2 for r in daily_returns) / (n - 1))
    realised = sd * math.sqrt(365)
    if realised == 0:
        return max_leverage
    return target_vol_annual / realised
