import math


def round_qty_to_lot(qty: float, step: float, min_qty: float) -> float:
    """Round an order quantity *down* to the lot ``step``; return 0.0 if the result is
    below ``min_qty`` (the exchange would reject it).

    Use ``math.floor(qty / step + 1e-9)`` lots and return ``round(lots * step, 12)``.

    >>> round_qty_to_lot(0.12345, 0.001, 0.01)
    0.123
    """
    lots = math.floor(qty / step + 1e-9)
    return round(lots * step, 12)
