def atr_stop_price(side: str, entry: float, atr: float, multiple: float) -> float:
    if atr <= 0 or multiple <= 0:
        raise ValueError("atr and multiple must both be positive")
    offset = atr * multiple
    if side == "short":
        return max(0.0, entry - offset)
    if side == "long":
        return entry + offset
    raise ValueError(f"unknown side {side!r}")
