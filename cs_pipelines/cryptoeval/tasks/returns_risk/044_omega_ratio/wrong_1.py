import math


def omega_ratio(returns: list[float], threshold: float = 0.0) -> float:
    gains = sum(max(r, 0.0) for r in returns)
    losses = sum(max(-r, 0.0) for r in returns)
    return math.inf if losses == 0 else gains / losses
