def break_even_price(side: str, entry: float, fee_rate: float) -> float:
    """Exit price at which a round trip nets exactly zero after fees.

    Fees are ``fee_rate`` of the entry notional plus ``fee_rate`` of the exit notional
    (the exit notional depends on the exit price). For a long solve
    ``(p - entry) = fee_rate * (entry + p)``; for a short
    ``(entry - p) = fee_rate * (entry + p)``.

    >>> round(break_even_price("long", 100.0, 0.001), 6)
    100.2002
    """
    if side == "long":
        return entry * (1 + fee_rate) / (1 - fee_rate)
    if side == "short":
        return entry * (1 - fee_rate) / (1 + fee_rate)
    raise ValueError(f"unknown side {side!r}")
