import math


def mid_price(bids: list[tuple[float, float]], asks: list[tuple[float, float]]) -> float:
    """Mid price ``(best_bid + best_ask) / 2``.

    Levels are ``(price, qty)`` with the best level first (bids descending, asks
    ascending). If either side is empty return ``nan``.

    >>> mid_price([(99.0, 1.0), (98.0, 2.0)], [(101.0, 1.0), (102.0, 5.0)])
    100.0
    """
