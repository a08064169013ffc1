import math


def round_qty_to_lot(qty: float, step: float, min_qty: float) -> float:
    q = round(round(qty / step) * step, 12)
    return q if q >= min_qty else 0.0
