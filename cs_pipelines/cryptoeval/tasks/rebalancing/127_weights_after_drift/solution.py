def weights_after_drift(
    weights: dict[str, float], returns: dict[str, float]
) -> dict[str, float]:
    """Portfolio weights after one period of returns, without rebalancing.

    ``w_i' = w_i * (1 + r_i) / sum_j w_j * (1 + r_j)``; an asset missing from
    ``returns`` (e.g. a stablecoin) has return 0.

    >>> w = weights_after_drift({"BTC": 0.6, "USDT": 0.4}, {"BTC": 0.5})
    >>> {k: round(v, 6) for k, v in w.items()}
    {'BTC': 0.692308, 'USDT': 0.307692}
    """
    grown = {s: w * (1.0 + returns.get(s, 0.0)) for s, w in weights.items()}
    total = sum(grown.values())
    return {s: v / total for s, v in grown.items()}
