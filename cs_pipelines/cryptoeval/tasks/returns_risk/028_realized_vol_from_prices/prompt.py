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
