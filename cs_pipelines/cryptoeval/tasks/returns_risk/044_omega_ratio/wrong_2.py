import math


def omega_ratio(returns: list[float], threshold: float = 0.0) -> float:
    wins = sum(1 for r in returns if r > threshold)
    losses = sum(1 for r in returns if r < threshold)
    return math.inf if losses == 0 else wins / losses
