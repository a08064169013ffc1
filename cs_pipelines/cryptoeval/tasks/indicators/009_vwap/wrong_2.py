import math


def vwap(
    high: list[float], low: list[float], close: list[float], volume: list[float]
) -> list[float]:
    out = []
    for h, l, c, v in zip(high, low, close, volume):
        out.append((h + l + c) / 3.0 if v > 0 else math.nan)
    return out
