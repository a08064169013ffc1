import math


def min_qty_for_notional(price: float, min_notional: float, step: float) -> float:
    """Smallest order size on the ``step`` grid whose notional reaches the minimum.

    Find the least whole number of steps ``k`` with ``k * step * price >=
    min_notional``, computed as ``math.ceil(min_notional / (price * step) - 1e-9)``
    so that an exact multiple is not pushed up by float error, and return
    ``round(k * step, 10)``.

    Raise ``ValueError`` if ``price`` or ``step`` is not positive.

    >>> min_qty_for_notional(2_000.0, 5.0, 0.001)
    0.003
    """
    if price <= 0 or step <= 0:
        raise ValueError("price and step must be positive")
    steps_needed = round(min_notional / (price * step))
    return round(steps_needed * step, 10)
