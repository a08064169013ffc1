import math


def log_returns(prices: list[float]) -> list[float]:
    if any(p <= 0 for p in prices):
        raise ValueError("prices must be positive")
    return [prices[i] / prices[i - 1] - 1.0 for i in range(1, len(prices))]
