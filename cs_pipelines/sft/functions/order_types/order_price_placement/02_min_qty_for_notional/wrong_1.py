import math


def min_qty_for_notional(price: float, min_notional: float, step: float) -> float:
    if price <= 0 or step <= 0:
        raise ValueError("price and step must be positive")
    steps_needed = math.floor(min_notional / (price * step) + 1e-9)
    return round(steps_needed * step, 10)
