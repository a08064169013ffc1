def inverse_vol_weights(vols: dict[str, float]) -> dict[str, float]:
    """Portfolio weights proportional to ``1 / volatility`` that sum to 1.

    >>> inverse_vol_weights({"BTC": 0.5, "ETH": 1.0})
    {'BTC': 0.6666666666666666, 'ETH': 0.3333333333333333}
    """
    total = sum(vols.values())
    return {k: v / total for k, v in vols.items()}
