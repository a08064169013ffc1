import math


def historical_cvar(returns: list[float], alpha: float = 0.95) -> float:
    k = max(1, math.floor(len(returns) * (1 - alpha) + 1e-9))
    var = sorted(returns)[k - 1]
    tail = [r for r in returns if r < var] or [var]
    return -sum(tail) / len(tail)
