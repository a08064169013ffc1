import math


def omega_ratio(returns: list[float], threshold: float = 0.0) -> float:
    """Omega ratio: ``sum(max(r - t, 0)) / sum(max(t - r, 0))`` for threshold ``t``.
    Return ``math.inf`` when nothing falls below the threshold.

    >>> round(omega_ratio([0.02, -0.01, 0.03, -0.02]), 6)
    1.666667
    """
