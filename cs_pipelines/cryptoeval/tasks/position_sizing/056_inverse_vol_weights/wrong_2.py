def inverse_vol_weights(vols: dict[str, float]) -> dict[str, float]:
    """Portfolio weights proportional to ``1 / volatility`` that sum to 1.

    >>> inverse_vol_weights({"BTC": 0.5, "ETH": 1.0})
    {'BTC': 0.6666666666666666, 'ETH': 0.3333333333333333}
    """
    inv = {k: 1.0 / v**2 for k, v in vols.items()}
    total = sum(inv.values())
    return {k: x / total for k, x in inv.items()}
