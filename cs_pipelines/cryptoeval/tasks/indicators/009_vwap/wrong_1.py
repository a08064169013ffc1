import math


def vwap(
    high: list[float], low: list[float], close: list[float], volume: list[float]
) -> list[float]:
    out = []
    pv = 0.0
    vol = 0.0
    for c, v in zip(close, volume):
        pv += c * v
        vol += v
        out.append(pv / vol if vol > 0 else math.nan)
    return out
