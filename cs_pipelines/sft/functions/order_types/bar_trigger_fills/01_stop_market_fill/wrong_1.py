def stop_market_fill(
    side: str,
    stop_price: float,
    open_: float,
    high: float,
    low: float,
    slippage_bps: float = 0.0,
) -> float | None:
    slip = slippage_bps / 10_000.0
    if side == "buy":
        if high < stop_price:
            return None
        return stop_price * (1.0 + slip)
    if side == "sell":
        if low > stop_price:
            return None
        return stop_price * (1.0 - slip)
    raise ValueError(f"unknown side {side!r}")
