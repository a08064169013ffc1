import math


def partial_fill(levels: list[tuple[float, float]], qty: float) -> tuple[float, float]:
    """Immediate-or-cancel market order: fill as much of ``qty`` as ``levels`` allow.

    Return ``(filled_qty, avg_price)`` where ``avg_price`` is the volume-weighted price of
    what was filled (``nan`` if nothing was filled). The unfilled rest is cancelled.

    >>> partial_fill([(100.0, 1.0), (102.0, 1.0)], 3.0)
    (2.0, 101.0)
    """
    filled = 0.0
    cost = 0.0
    for price, size in levels:
        take = min(size, qty - filled)
        filled += take
        cost += take * price
    if filled < qty:
        raise ValueError("insufficient depth")
    return filled, cost / filled
