def effective_spread_bps(trade_price: float, mid: float, side: str) -> float:
    d = 1.0 if side == "buy" else -1.0
    return d * (trade_price - mid) / mid * 10_000.0
