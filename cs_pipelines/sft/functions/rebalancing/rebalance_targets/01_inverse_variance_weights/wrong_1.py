def inverse_variance_weights(vols: dict[str, float]) -> dict[str, float]:
    """Naive risk-parity allocation that ignores correlations.

    Each asset's raw score is ``1 / vol ** 2`` (its inverse variance, with ``vol``
    the volatility); the weights are the scores divided by their total, so they
    add up to one.

    Raise ``ValueError`` if ``vols`` is empty or any volatility is not positive.

    >>> inverse_variance_weights({"BTC": 0.5, "ETH": 1.0})
    {'BTC': 0.8, 'ETH': 0.2}
    """
    if not vols or any(v <= 0 for v in vols.values()):
        raise ValueError("need at least one asset and positive volatilities")
    scores = {sym: 1.0 / v for sym, v in vols.items()}
    norm = sum(scores.values())
    return {sym: s / norm for sym, s in scores.items()}
