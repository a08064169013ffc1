import math


def aroon_up(high: list[float], period: int = 25) -> list[float]:
    out = []
    for i in range(len(high)):
        if i < period - 1:
            out.append(math.nan)
            continue
        window = high[i - period + 1 : i + 1]
        top = max(window)
        last = max(j for j, h in enumerate(window) if h == top)
        since = len(window) - 1 - last
        out.append(100.0 * (period - since) / period)
    return out
