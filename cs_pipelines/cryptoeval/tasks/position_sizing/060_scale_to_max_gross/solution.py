def scale_to_max_gross(weights: dict[str, float], max_gross: float) -> dict[str, float]:
    """Scale long/short weights down (never up) so gross exposure
    ``sum(abs(w))`` is at most ``max_gross``; keep their proportions.

    >>> scale_to_max_gross({"BTC": 1.0, "ETH": -1.0}, 1.5)
    {'BTC': 0.75, 'ETH': -0.75}
    """
    gross = sum(abs(w) for w in weights.values())
    if gross <= max_gross:
        return dict(weights)
    f = max_gross / gross
    return {k: w * f for k, w in weights.items()}
