import math


def realized_vol_from_prices(prices: list[float], bar_seconds: int) -> float:
    if len(prices) < 3:
        raise ValueError("need at least three prices")
    r = [math.log(prices[i] / prices[i - 1]) for i in range(1, len(prices))]
    mean = sum(r) / len(r)
    var = sum((x - mean) ** 2 for x in r) / (len(r) - 1)
    return math.sqrt(var * 252 * 86400 / bar_seconds)
