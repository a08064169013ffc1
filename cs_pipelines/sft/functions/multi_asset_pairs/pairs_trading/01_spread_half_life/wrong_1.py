import math


def spread_half_life(spread: list[float]) -> float:
    if len(spread) < 3:
        raise ValueError("need at least three observations")
    lagged = spread[:-1]
    moves = [b - a for a, b in zip(spread[:-1], spread[1:])]
    m = len(lagged)
    lag_mean = sum(lagged) / m
    move_mean = sum(moves) / m
    denom = sum((v - lag_mean) ** 2 for v in lagged)
    if denom == 0:
        raise ValueError("lagged spread is constant")
    b = sum((v - lag_mean) * (d - move_mean) for v, d in zip(lagged, moves)) / denom
    if b >= 0:
        return math.inf
    return -math.log(2.0) / b
