def band_rebalance(
    current: dict[str, float], target: dict[str, float], band: float
) -> dict[str, float]:
    """Tolerance-band rebalancing: trade only assets whose weight drifted *more than*
    ``band`` from target, and only back to the nearest band edge (not to the target),
    which keeps turnover low.

    For such an asset the new weight is ``target + band`` if it is overweight and
    ``target - band`` if underweight. Return ``{symbol: new_weight - current_weight}``
    for traded assets only (missing weights are 0).

    >>> trades = band_rebalance({"BTC": 0.7, "ETH": 0.3}, {"BTC": 0.5, "ETH": 0.5}, 0.1)
    >>> {sym: round(delta, 6) for sym, delta in trades.items()}
    {'BTC': -0.1, 'ETH': 0.1}
    """
    trades = {}
    for sym in sorted(set(current) | set(target)):
        c = current.get(sym, 0.0)
        t = target.get(sym, 0.0)
        if abs(c - t) > band:
            edge = t - band if c > t else t + band
            trades[sym] = edge - c
    return trades
