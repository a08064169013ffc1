import math


def sqrt_impact_bps(
    order_qty: float, adv: float, daily_vol: float, k: float = 1.0
) -> float:
    return k * daily_vol * math.sqrt(order_qty / adv) * 100.0
