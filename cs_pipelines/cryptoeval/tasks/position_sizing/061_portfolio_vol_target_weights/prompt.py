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
