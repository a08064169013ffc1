def effective_spread_bps(trade_price: float, mid: float, side: str) -> float:
    """Effective spread of a taker trade in bps: ``2 * d * (price - mid) / mid * 10_000``
    with ``d = +1`` for a buy and ``-1`` for a sell (negative = price improvement).

    >>> round(effective_spread_bps(100.05, 100.0, "buy"), 6)
    10.0
    """
    d = 1.0 if side == "buy" else -1.0
    return d * (trade_price - mid) / mid * 10_000.0
