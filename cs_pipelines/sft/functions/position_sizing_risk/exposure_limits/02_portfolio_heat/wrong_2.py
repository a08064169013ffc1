def portfolio_heat(
    positions: list[tuple[float, float, float]], equity: float
) -> float:
    if equity <= 0:
        raise ValueError("equity must be positive")
    at_risk = 0.0
    for qty, entry, stop in positions:
        at_risk += abs(qty) * max(0.0, entry - stop)
    return at_risk / equity
