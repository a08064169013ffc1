def true_range(high: list[float], low: list[float], close: list[float]) -> list[float]:
    return [h - l for h, l in zip(high, low)]
