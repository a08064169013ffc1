def max_safe_leverage(
    side: str, entry: float, stop: float, mmr: float, max_leverage: int = 125
) -> int:
    """Largest whole leverage (1..max_leverage) whose isolated-margin liquidation price
    lies strictly *beyond* the stop, so the stop triggers before liquidation.

    Liquidation price for leverage ``L`` (linear perpetual, fees ignored):
    long ``entry * (1 - 1/L) / (1 - mmr)``, short ``entry * (1 + 1/L) / (1 + mmr)``.
    Long needs ``liq < stop``, short needs ``liq > stop``. Return 0 if no leverage in
    range qualifies.

    >>> max_safe_leverage("long", 100.0, 95.0, 0.005)
    18
    """
    for lev in range(1, max_leverage + 1):
        if side == "long":
            liq = entry * (1 - 1 / lev) / (1 - mmr)
            if liq < stop:
                return lev
        else:
            liq = entry * (1 + 1 / lev) / (1 + mmr)
            if liq > stop:
                return lev
    return 0
