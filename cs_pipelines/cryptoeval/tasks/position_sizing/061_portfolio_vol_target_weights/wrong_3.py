import math


def portfolio_vol_target_weights(
    weights: list[float],
    daily_cov: list[list[float]],
    target_vol_annual: float,
    max_gross: float,
) -> list[float]:
    n = len(weights)
    var = sum(weights[i] * daily_cov[i][j] * weights[j] for i in range(n) for j in range(n))
    vol = math.sqrt(var * 365)
    scaled = [w * target_vol_annual / vol for w in weights]
    return [max(-max_gross, min(max_gross, w)) for w in scaled]
