def prior_lowest_low(lows: list[float], window: int) -> list[float]:
    if window < 1:
        raise ValueError("need a window of at least one bar")
    levels = [float("nan")] * min(window, len(lows))
    for i in range(window, len(lows)):
        levels.append(max(lows[i - window : i]))
    return levels
