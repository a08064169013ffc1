def beta(asset_returns: list[float], market_returns: list[float]) -> float:
    """Beta of an asset against a market (e.g. an altcoin against BTC).

    ``cov(asset, market) / var(market)``, both with the same (sample, ``n - 1``)
    normalisation. Raise ``ValueError`` if the lists differ in length or have fewer
    than two entries.

    >>> round(beta([0.02, -0.01, 0.03], [0.01, -0.01, 0.02]), 6)
    1.357143
    """
    n = len(asset_returns)
    if n != len(market_returns) or n < 2:
        raise ValueError("need two equally long series of length >= 2")
    ma = sum(asset_returns) / n
    mm = sum(market_returns) / n
    cov = sum((a - ma) * (m - mm) for a, m in zip(asset_returns, market_returns)) / (n - 1)
    var = sum((m - mm) ** 2 for m in market_returns) / (n - 1)
    return cov / var
