import math


def sqrt_impact_bps(
    order_qty: float, adv: float, daily_vol: float, k: float = 1.0
) -> float:
    """Expected market impact (square-root law) in basis points:
    ``k * daily_vol * sqrt(order_qty / adv) * 10_000`` where ``adv`` is the average daily
    volume in the same units as ``order_qty``.

    >>> round(sqrt_impact_bps(1e6, 1e8, 0.04), 6)
    40.0
    """
    return k * daily_vol * math.sqrt(order_qty / adv) * 100.0
