def band_rebalance(
    current: dict[str, float], target: dict[str, float], band: float
) -> dict[str, float]:
    trades = {}
    for sym in sorted(set(current) | set(target)):
        c = current.get(sym, 0.0)
        t = target.get(sym, 0.0)
        if abs(c - t) > band:
            trades[sym] = t - c
    return trades
