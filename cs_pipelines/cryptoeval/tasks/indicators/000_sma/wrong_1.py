import math


def sma(values: list[float], window: int) -> list[float]:
    if window < 1:
        raise ValueError("window must be >= 1")
    out = []
    for i in range(len(values)):
        if i < window:
            out.append(math.nan)
        else:
            out.append(sum(values[i - window + 1 : i + 1]) / window)
    return out
