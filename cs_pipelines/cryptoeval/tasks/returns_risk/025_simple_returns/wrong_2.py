import math


def simple_returns(prices: list[float]) -> list[float]:
    return [prices[i - 1] / prices[i] - 1.0 for i in range(1, len(prices))]
