import math


def units_for_dollar_risk(
    risk_amount: float, entry: float, stop: float, lot_size: float
) -> float:
    if lot_size <= 0:
        raise ValueError("lot_size must be positive")
    distance = abs(entry - stop)
    if distance == 0:
        raise ValueError("entry and stop coincide")
    lots = math.floor(risk_amount / distance / lot_size)
    return round(lots * lot_size, 12)
