import math


def sqrt_impact_bps(
    order_qty: float, adv: float, daily_vol: float, k: float = 1.0
) -> float:
    return k * daily_vol * (order_qty / adv) * 10_000.0
