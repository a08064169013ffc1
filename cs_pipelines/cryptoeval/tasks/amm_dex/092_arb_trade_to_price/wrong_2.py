import math


def arb_trade_to_price(x: float, y: float, target_price: float) -> float:
    k = x * y
    price = y / x
    if price < target_price:
        return math.sqrt(k * target_price) - y
    if price > target_price:
        return math.sqrt(k / target_price) - x
    return 0.0
