def underwater_series(equity: list[float]) -> list[float]:
    if any(v <= 0 for v in equity):
        raise ValueError("equity values must be positive")
    out = []
    high = 0.0
    for v in equity:
        if v > high:
            high = v
        out.append((v - high) / v)
    return out
