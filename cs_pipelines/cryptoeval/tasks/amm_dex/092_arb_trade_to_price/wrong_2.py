import math


def arb_trade_to_price(x: float, y: float, target_price: float) -> float:
    """Trade that moves a fee-less constant-product pool (base ``x``, quote ``y``, price
    ``y / x``) to ``target_price``.

    If the pool price is below the target, quote must be sold into the pool: return the
    positive quote amount ``sqrt(k * p) - y``. If it is above, base must be sold: return
    the *negative* of the base amount, ``-(sqrt(k / p) - x)``. Return 0.0 when equal.

    >>> round(arb_trade_to_price(100.0, 200_000.0, 8_000.0), 6)
    200000.0
    >>> round(arb_trade_to_price(100.0, 200_000.0, 500.0), 6)
    -100.0
    """
    k = x * y
    price = y / x
    if price < target_price:
        return math.sqrt(k * target_price) - y
    if price > target_price:
        return math.sqrt(k / target_price) - x
    return 0.0
