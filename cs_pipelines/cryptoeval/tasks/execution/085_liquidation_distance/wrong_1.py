def liquidation_distance(side: str, entry: float, liquidation_price: float) -> float:
    """How far price may move against a position before liquidation, as a fraction of
    the *entry* price: long ``(entry - liq) / entry``, short ``(liq - entry) / entry``.

    >>> round(liquidation_distance("long", 20_000.0, 18_000.0), 6)
    0.1
    """
    if side == "long":
        return (entry - liquidation_price) / liquidation_price
    return (liquidation_price - entry) / liquidation_price
