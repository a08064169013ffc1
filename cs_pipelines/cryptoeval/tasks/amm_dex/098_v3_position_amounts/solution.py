import math


def v3_position_amounts(
    liquidity: float, price: float, price_lower: float, price_upper: float
) -> tuple[float, float]:
    """Token amounts ``(amount0, amount1)`` held by a Uniswap v3 position of
    ``liquidity`` over ``[price_lower, price_upper]`` at the current ``price``
    (token1 per token0, raw units).

    With ``s = sqrt(price)``, ``a = sqrt(price_lower)``, ``b = sqrt(price_upper)``:
    below the range (``price <= price_lower``) it is all token0,
    ``(L * (1/a - 1/b), 0)``; above (``price >= price_upper``) all token1,
    ``(0, L * (b - a))``; inside ``(L * (1/s - 1/b), L * (s - a))``.

    >>> v3_position_amounts(1000.0, 9.0, 1.0, 4.0)
    (0.0, 1000.0)
    """
    a = math.sqrt(price_lower)
    b = math.sqrt(price_upper)
    if price <= price_lower:
        return liquidity * (1 / a - 1 / b), 0.0
    if price >= price_upper:
        return 0.0, liquidity * (b - a)
    s = math.sqrt(price)
    return liquidity * (1 / s - 1 / b), liquidity * (s - a)
