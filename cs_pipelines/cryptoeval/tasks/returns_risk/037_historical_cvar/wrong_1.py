import math


def historical_cvar(returns: list[float], alpha: float = 0.95) -> float:
    k = max(1, math.floor(len(returns) * (1 - alpha) + 1e-9))
    worst = sorted(returns)[: k + 1]
    return -sum(worst) / len(worst)
