def equity_from_returns(returns: list[float], start: float = 1.0) -> list[float]:
    if start <= 0:
        raise ValueError("start equity must be positive")
    curve = []
    value = start
    for r in returns:
        if r < -1.0:
            raise ValueError("a return cannot lose more than 100%")
        value *= 1.0 + r
        curve.append(value)
    return curve
