import math


def cp_reserves_at_price(x0: float, y0: float, new_price: float) -> tuple[float, float]:
    """Constant-product pool reserves after arbitrage moves its price to ``new_price``.

    The pool holds ``x`` of the base token and ``y`` of the quote token; its price is
    ``y / x`` and ``x * y = k`` stays constant (fees ignored). Return ``(x1, y1)`` with
    ``x1 = sqrt(k / p)`` and ``y1 = sqrt(k * p)``.

    >>> cp_reserves_at_price(100.0, 200_000.0, 8_000.0)
    (50.0, 400000.0)
    """
    p0 = y0 / x0
    return x0 * p0 / new_price, y0
