import math


def spread_half_life(spread: list[float]) -> float:
    if len(spread) < 3:
        raise ValueError("need at least three observations")
    lagged = spread[:-1]
    moves = [b - a for a, b in zip(spread[:-1], spread[1:])]
    denom = sum(v * v for v in lagged)
    if len(set(lagged)) == 1:
        raise ValueError("lagged spread is constant")
    b = sum(v * d for v, d in zip(lagged, moves)) / denom
    phi = 1.0 + b
    if phi >= 1.0:
        return math.inf
    if phi <= 0.0:
        return 0.0
    return math.log(0.5) / math.log(phi)
