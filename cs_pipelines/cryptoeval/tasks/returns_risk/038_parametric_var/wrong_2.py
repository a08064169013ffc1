import math
from statistics import NormalDist


def parametric_var(
    returns: list[float], alpha: float = 0.99, horizon_days: int = 1
) -> float:
    """Gaussian (variance-covariance) VaR over ``horizon_days``, as a positive loss.

    With ``mu`` the mean and ``sigma`` the *sample* standard deviation of daily returns
    and ``z = NormalDist().inv_cdf(alpha)``:
    ``VaR = z * sigma * sqrt(horizon_days) - mu * horizon_days`` (square-root-of-time
    scaling for volatility, linear for the drift).

    >>> round(parametric_var([0.01, -0.02, 0.03, 0.0], 0.95, 1), 6)
    0.02924
    """
    n = len(returns)
    mu = sum(returns) / n
    sigma = math.sqrt(sum((r - mu) ** 2 for r in returns) / n)
    z = NormalDist().inv_cdf(alpha)
    return z * sigma * math.sqrt(horizon_days) - mu * horizon_days
