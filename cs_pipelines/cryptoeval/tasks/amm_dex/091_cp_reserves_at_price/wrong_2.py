import math


def cp_reserves_at_price(x0: float, y0: float, new_price: float) -> tuple[float, float]:
    k = x0 * y0
    return math.sqrt(k * new_price), math.sqrt(k / new_price)
