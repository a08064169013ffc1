import math


def atr_position_size(
    equity: float, risk_fraction: float, atr: float, atr_multiple: float, lot_step: float
) -> float:
    raw = equity * risk_fraction / atr
    lots = math.floor(raw / lot_step + 1e-9)
    return round(lots * lot_step, 10)
