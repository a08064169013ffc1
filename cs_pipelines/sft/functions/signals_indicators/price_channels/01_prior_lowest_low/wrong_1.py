def prior_lowest_low(lows: list[float], window: int) -> list[float]:
    if window < 1:
        raise ValueError("need a window of at least one bar")
    levels = [float("nan")] * min(window - 1, len(lows))
    for i in range(window - 1, len(lows)):
        levels.append(min(lows[i - window + 1 : i + 1]))
    return levels
