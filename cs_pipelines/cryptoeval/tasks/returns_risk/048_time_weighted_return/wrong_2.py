def time_weighted_return(values: list[float], flows: list[float]) -> float:
    growth = 1.0
    for i in range(1, len(values)):
        growth *= values[i] / (values[i - 1] + flows[i])
    return growth - 1.0
