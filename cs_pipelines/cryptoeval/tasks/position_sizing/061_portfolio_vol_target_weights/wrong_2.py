import math


def portfolio_vol_target_weights(
    weights: list[float],
    daily_cov: list[list[float]],
    target_vol_annual: float,
    max_gross: float,
) -> list[float]:
    n = len(weights)
    var = sum(weights[i] * daily_cov[i][j] * weights[j] for i in range(n) for j in range(n))
    vol = math.sqrt(var * 252)
    gross = sum(abs(w) for w in weights)
    if vol == 0:
        return [w * max_gross / gross for w in weights]
    scaled = [w * target_vol_annual / vol for w in weights]
    g = sum(abs(w) for w in scaled)
    if g > max_gross:
        scaled = [w * max_gross / g for w in scaled]
    return scaled
