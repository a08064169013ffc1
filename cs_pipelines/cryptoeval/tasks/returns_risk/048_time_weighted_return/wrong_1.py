def time_weighted_return(values: list[float], flows: list[float]) -> float:
    return values[-1] / values[0] - 1.0
