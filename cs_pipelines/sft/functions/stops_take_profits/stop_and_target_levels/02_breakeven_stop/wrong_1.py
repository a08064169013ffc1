def breakeven_stop(
    side: str,
    entry: float,
    initial_stop: float,
    price: float,
    trigger_r: float,
    offset: float = 0.0,
) -> float:
    if side == "long":
        if initial_stop >= entry:
            raise ValueError("a long needs its stop below entry")
        gain = price - entry
        moved = entry + offset
    elif side == "short":
        if initial_stop <= entry:
            raise ValueError("a short needs its stop above entry")
        gain = entry - price
        moved = entry - offset
    else:
        raise ValueError(f"unknown side {side!r}")
    risk = abs(entry - initial_stop)
    return moved if gain > trigger_r * risk else initial_stop
