import math


def vwma(close: list[float], volume: list[float], window: int) -> list[float]:
    out = []
    for i in range(len(close)):
        if i < window - 1:
            out.append(math.nan)
            continue
        out.append(sum(close[i - window + 1 : i + 1]) / window)
    return out
