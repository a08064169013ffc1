import math


def historical_cvar(returns: list[float], alpha: float = 0.95) -> float:
    """Historical CVaR (expected shortfall) as a positive loss fraction.

    With ``k = max(1, math.floor(n * (1 - alpha) + 1e-9))``, CVaR is minus the mean of
    the ``k`` smallest returns (the VaR observation itself included).

    >>> r = [-0.05, 0.01, -0.02, 0.03, -0.01, 0.02, 0.0, -0.03, 0.04, 0.01]
    >>> round(historical_cvar(r, 0.8), 6)
    0.04
    """
