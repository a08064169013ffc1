import math


def twap_slices(total_qty: float, n_slices: int, lot_step: float) -> list[float]:
    base = math.floor(total_qty / n_slices / lot_step + 1e-9) * lot_step
    return [round(base, 10)] * n_slices
