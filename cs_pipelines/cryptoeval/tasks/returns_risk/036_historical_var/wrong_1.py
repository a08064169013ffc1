import math


def historical_var(returns: list[float], alpha: float = 0.95) -> float:
    k = max(1, math.floor(len(returns) * (1 - alpha)))
    return -sorted(returns)[k - 1]
