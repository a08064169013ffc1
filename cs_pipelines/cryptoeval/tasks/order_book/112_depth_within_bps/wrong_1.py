def depth_within_bps(levels: list[tuple[float, float]], mid: float, bps: float) -> float:
    total = 0.0
    for price, qty in levels:
        if abs(price - mid) / mid * 10_000.0 < bps:
            total += price * qty
    return total
