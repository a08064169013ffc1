import math


def realized_vol_from_prices(prices: list[float], bar_seconds: int) -> float:
    """Annualised realised volatility from a price series sampled every ``bar_seconds``.

    Use log returns, their sample standard deviation (``n - 1``), and scale by the
    square root of the number of bars in a 365-day year
    (``365 * 86400 / bar_seconds``; crypto trades around the clock).
    Raise ``ValueError`` if there are fewer than three prices.

    >>> round(realized_vol_from_prices([100.0, 101.0, 100.0, 102.0], 3600), 4)
    1.4186
    """
    if len(prices) < 3:
        raise ValueError("need at least three prices")
    r = [math.log(prices[i] / prices[i - 1]) for i in range(1, len(prices))]
    mean = sum(r) / len(r)
    var = sum((x - mean) ** 2 for x in r) / (len(r) - 1)
    return math.sqrt(var * 252 * 86400 / bar_seconds)
