def break_even_price(side: str, entry: float, fee_rate: float) -> float:
    if side == "long":
        return entry * (1 + 2 * fee_rate)
    if side == "short":
        return entry * (1 - 2 * fee_rate)
    raise ValueError(f"unknown side {side!r}")
