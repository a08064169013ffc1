import math


def anchored_vwap_daily(
    timestamps_ms: list[int], prices: list[float], volumes: list[float]
) -> list[float]:
    out = []
    pv = vol = 0.0
    for p, v in zip(prices, volumes):
        pv += p * v
        vol += v
        out.append(pv / vol if vol > 0 else math.nan)
    return out
