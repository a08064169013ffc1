import math


def partial_fill(levels: list[tuple[float, float]], qty: float) -> tuple[float, float]:
    filled = 0.0
    cost = 0.0
    for price, size in levels:
        take = min(size, qty - filled)
        filled += take
        cost += take * price
    if filled < qty:
        raise ValueError("insufficient depth")
    return filled, cost / filled
