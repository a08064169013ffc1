import math


def atr_wilder(
    high: list[float], low: list[float], close: list[float], period: int = 14
) -> list[float]:
    tr = [h - l for h, l in zip(high, low)]
    out = [math.nan] * len(tr)
    if len(tr) < period:
        return out
    prev = sum(tr[:period]) / period
    out[period - 1] = prev
    for i in range(period, len(tr)):
        prev = (prev * (period - 1) + tr[i]) / period
        out[i] = prev
    return out
