import math


def atr_position_size(
    equity: float, risk_fraction: float, atr: float, atr_multiple: float, lot_step: float
) -> float:
    raw = equity * risk_fraction / (atr * atr_multiple)
    lots = math.floor(raw / lot_step)
    return round(lots * lot_step, 10)
