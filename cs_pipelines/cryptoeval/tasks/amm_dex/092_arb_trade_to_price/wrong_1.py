import math


def arb_trade_to_price(x: float, y: float, target_price: float) -> float:
    price = y / x
    if price < target_price:
        return y * (target_price / price - 1.0)
    if price > target_price:
        return -x * (price / target_price - 1.0)
    return 0.0
