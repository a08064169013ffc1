import math


def omega_ratio(returns: list[float], threshold: float = 0.0) -> float:
    """Omega ratio: ``sum(max(r - t, 0)) / sum(max(t - r, 0))`` for threshold ``t``.
    Return ``math.inf`` when nothing falls below the threshold.

    >>> round(omega_ratio([0.02, -0.01, 0.03, -0.02]), 6)
    1.666667
    """
    wins = sum(1 for r in returns if r > threshold)
    losses = sum(1 for r in returns if r < threshold)
    return math.inf if losses == 0 else wins / losses
