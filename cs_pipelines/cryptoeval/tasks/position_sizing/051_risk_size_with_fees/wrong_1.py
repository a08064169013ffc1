def risk_size_with_fees(
    equity: float, risk_fraction: float, entry: float, stop: float, taker_fee: float
) -> float:
    per_unit = abs(entry - stop) + taker_fee * entry
    return equity * risk_fraction / per_unit
