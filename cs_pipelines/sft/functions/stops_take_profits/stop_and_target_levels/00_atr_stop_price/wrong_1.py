def atr_stop_price(side: str, entry: float, atr: float, multiple: float) -> float:
    """Protective stop placed a multiple of the average true range from entry.

    ``side="long"``: ``entry - multiple * atr``, floored at 0.0 (a price cannot
    go negative); ``side="short"``: ``entry + multiple * atr``. Raise
    ``ValueError`` for any other side or when ``atr`` or ``multiple`` is not
    positive.

    >>> atr_stop_price("long", 100.0, 2.5, 3.0)
    92.5
    """
    if atr <= 0 or multiple <= 0:
        raise ValueError("atr and multiple must both be positive")
    offset = atr * multiple
    if side == "long":
        return entry - offset
    if side == "short":
        return entry + offset
    raise ValueError(f"unknown side {side!r}")
