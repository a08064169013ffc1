def max_safe_leverage(
    side: str, entry: float, stop: float, mmr: float, max_leverage: int = 125
) -> int:
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
