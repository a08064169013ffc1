import math


def round_qty_to_lot(qty: float, step: float, min_qty: float) -> float:
    lots = math.floor(qty / step + 1e-9)
    return round(lots * step, 12)
