import math


def historical_var(returns: list[float], alpha: float = 0.95) -> float:
    k = max(1, math.floor(len(returns) * (1 - alpha) + 1e-9))
    return -sorted(returns)[k]
