def breakeven_stop(
    side: str,
    entry: float,
    initial_stop: float,
    price: float,
    trigger_r: float,
    offset: float = 0.0,
) -> float:
    if side == "long":
        gain = price - entry
        moved = entry + offset
    elif side == "short":
        gain = entry - price
        moved = entry - offset
    else:
        raise ValueError(f"unknown side {side!r}")
    return moved if gain > 0 else initial_stop
