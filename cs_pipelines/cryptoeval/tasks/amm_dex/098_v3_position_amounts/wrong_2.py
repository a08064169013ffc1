import math


def v3_position_amounts(
    liquidity: float, price: float, price_lower: float, price_upper: float
) -> tuple[float, float]:
    if price <= price_lower:
        return liquidity * (1 / price_lower - 1 / price_upper), 0.0
    if price >= price_upper:
        return 0.0, liquidity * (price_upper - price_lower)
    return (
        liquidity * (1 / price - 1 / price_upper),
        liquidity * (price - price_lower),
    )
