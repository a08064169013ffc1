def underwater_series(equity: list[float]) -> list[float]:
    if any(v <= 0 for v in equity):
        raise ValueError("equity values must be positive")
    if not equity:
        return []
    return [v / equity[0] - 1.0 for v in equity]
