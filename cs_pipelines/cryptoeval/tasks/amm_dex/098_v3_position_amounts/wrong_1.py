import math


def v3_position_amounts(
    liquidity: float, price: float, price_lower: float, price_upper: float
) -> tuple[float, float]:
    a = math.sqrt(price_lower)
    b = math.sqrt(price_upper)
    if price <= price_lower:
        return 0.0, liquidity * (b - a)
    if price >= price_upper:
        return liquidity * (1 / a - 1 / b), 0.0
    s = math.sqrt(price)
    return liquidity * (1 / s - 1 / b), liquidity * (s - a)
