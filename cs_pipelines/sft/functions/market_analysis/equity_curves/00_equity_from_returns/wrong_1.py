def equity_from_returns(returns: list[float], start: float = 1.0) -> list[float]:
    if start <= 0:
        raise ValueError("start equity must be positive")
    curve = [start]
    for r in returns:
        if r < -1.0:
            raise ValueError("a return cannot lose more than 100%")
        curve.append(curve[-1] + start * r)
    return curve
