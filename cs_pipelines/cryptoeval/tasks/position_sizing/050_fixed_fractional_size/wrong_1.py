def fixed_fractional_size(
    equity: float, risk_fraction: float, entry: float, stop: float
) -> float:
    if entry == stop:
        raise ValueError("stop must differ from entry")
    return equity * risk_fraction / entry
