def stop_triggered(side: str, stop_price: float, high: float, low: float) -> bool:
    if side == "buy":
        return low <= stop_price
    if side == "sell":
        return high >= stop_price
    raise ValueError(f"unknown side {side!r}")
