import math
from statistics import NormalDist


def parametric_var(
    returns: list[float], alpha: float = 0.99, horizon_days: int = 1
) -> float:
    n = len(returns)
    mu = sum(returns) / n
    sigma = math.sqrt(sum((r - mu) ** 2 for r in returns) / n)
    z = NormalDist().inv_cdf(alpha)
    return z * sigma * math.sqrt(horizon_days) - mu * horizon_days
