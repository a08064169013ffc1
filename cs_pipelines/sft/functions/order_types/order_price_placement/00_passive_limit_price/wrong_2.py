def passive_limit_price(
    best_bid: float, best_ask: float, side: str, offset_bps: float
) -> float:
    if offset_bps < 0:
        raise ValueError("offset_bps must be >= 0")
    centre = 0.5 * (best_bid + best_ask)
    shift = centre * offset_bps / 10_000.0
    if side == "buy":
        return max(best_bid, centre - shift)
    if side == "sell":
        return min(best_ask, centre + shift)
    raise ValueError(side)
