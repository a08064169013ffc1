import math


def cp_reserves_at_price(x0: float, y0: float, new_price: float) -> tuple[float, float]:
    p0 = y0 / x0
    return x0 * p0 / new_price, y0
