def max_safe_leverage(
    side: str, entry: float, stop: float, mmr: float, max_leverage: int = 125
) -> int:
    for lev in range(max_leverage, 0, -1):
        if side == "long":
            if entry * (1 - 1 / lev) < stop:
                return lev
        elif entry * (1 + 1 / lev) > stop:
            return lev
    return 0
