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
    elif side == "short":
        if initial_stop <= entry:
            raise ValueError("a short needs its stop above entry")
        gain = entry - price
    else:
        raise ValueError(f"unknown side {side!r}")
    risk = abs(entry - initial_stop)
    return entry + offset if gain >= trigger_r * risk else initial_stop
