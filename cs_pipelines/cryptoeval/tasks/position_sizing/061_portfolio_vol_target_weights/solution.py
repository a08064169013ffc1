import math


def portfolio_vol_target_weights(
    weights: list[float],
    daily_cov: list[list[float]],
    target_vol_annual: float,
    max_gross: float,
) -> list[float]:
    """Scale portfolio weights so the *portfolio* hits a target annualised volatility.

    Portfolio daily variance is ``w' C w`` with the full daily covariance matrix ``C``
    (correlations matter, not only the diagonal); annualise with ``sqrt(365)``. Scale
    all weights by ``target / annual_vol``, then, if gross exposure ``sum(abs(w))``
    exceeds ``max_gross``, scale down to ``max_gross``. Zero volatility returns the
    weights scaled to ``max_gross`` gross.

    >>> [round(x, 6) for x in portfolio_vol_target_weights([1.0], [[0.0001]], 0.3, 5.0)]
    [1.570272]
    """
    n = len(weights)
    var = sum(weights[i] * daily_cov[i][j] * weights[j] for i in range(n) for j in range(n))
    vol = math.sqrt(var * 365)
    gross = sum(abs(w) for w in weights)
    if vol == 0:
        return [w * max_gross / gross for w in weights]
    scaled = [w * target_vol_annual / vol for w in weights]
    g = sum(abs(w) for w in scaled)
    if g > max_gross:
        scaled = [w * max_gross / g for w in scaled]
    return scaled
