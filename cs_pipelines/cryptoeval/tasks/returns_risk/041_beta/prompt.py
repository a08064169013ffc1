def beta(asset_returns: list[float], market_returns: list[float]) -> float:
    """Beta of an asset against a market (e.g. an altcoin against BTC).

    ``cov(asset, market) / var(market)``, both with the same (sample, ``n - 1``)
    normalisation. Raise ``ValueError`` if the lists differ in length or have fewer
    than two entries.

    >>> round(beta([0.02, -0.01, 0.03], [0.01, -0.01, 0.02]), 6)
    1.357143
    """
