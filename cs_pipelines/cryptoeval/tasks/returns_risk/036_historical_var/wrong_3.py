import math


def historical_var(returns: list[float], alpha: float = 0.95) -> float:
    """Historical Value-at-Risk as a positive loss fraction.

    With ``n`` returns let ``k = max(1, math.floor(n * (1 - alpha) + 1e-9))`` (the small
    epsilon guards against ``10 * (1 - 0.8) == 1.9999999999999996``). VaR is minus the
    ``k``-th smallest return.

    >>> r = [-0.05, 0.01, -0.02, 0.03, -0.01, 0.02, 0.0, -0.03, 0.04, 0.01]
    >>> historical_var(r, 0.8)
    0.03
    """
    k = max(1, math.floor(len(returns) * (1 - alpha) + 1e-9))
    return sorted(returns)[k - 1]
