def effective_spread_bps(trade_price: float, mid: float, side: str) -> float:
    return 2.0 * abs(trade_price - mid) / mid * 10_000.0
