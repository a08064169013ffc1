import math


def twap_slices(total_qty: float, n_slices: int, lot_step: float) -> list[float]:
    base = round(total_qty / n_slices / lot_step) * lot_step
    base = round(base, 10)
    slices = [base] * (n_slices - 1)
    slices.append(round(total_qty - base * (n_slices - 1), 10))
    return slices
