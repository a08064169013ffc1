import math


def aroon_up(high: list[float], period: int = 25) -> list[float]:
    out = []
    for i in range(len(high)):
        if i < period:
            out.append(math.nan)
            continue
        window = high[i - period : i + 1]
        since = period - window.index(max(window))
        out.append(100.0 * (period - since) / period)
    return out
