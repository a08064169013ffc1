import math


def rolling_volatility(daily_returns: list[float], window: int) -> list[float]:
    """Rolling annualised volatility of daily returns.

    Entry ``i`` is the *sample* standard deviation (``window - 1``) of
    ``daily_returns[i - window + 1 : i + 1]`` times ``sqrt(365)``. The first
    ``window - 1`` entries are ``nan``. ``window`` must be at least 2.

    >>> [round(x, 6) for x in rolling_volatility([0.01, -0.01, 0.01], 2)]
    [nan, 0.270185, 0.270185]
    """
