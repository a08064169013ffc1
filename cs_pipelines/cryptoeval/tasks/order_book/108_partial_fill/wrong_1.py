import math


def partial_fill(levels: list[tuple[float, float]], qty: float) -> tuple[float, float]:
    remaining = qty
    filled = 0.0
    cost = 0.0
    for price, size in levels:
        if remaining <= 0:
            break
        take = min(size, remaining)
        filled += take
        cost += take * price
        remaining -= take
    return filled, (cost / qty if filled > 0 else math.nan)
