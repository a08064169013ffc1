import math


def anchored_vwap_daily(
    timestamps_ms: list[int], prices: list[float], volumes: list[float]
) -> list[float]:
    day_ms = 86_400_000
    out = []
    current_day = None
    pv = vol = 0.0
    for ts, p, v in zip(timestamps_ms, prices, volumes):
        d = ts // day_ms
        if d != current_day:
            current_day = d
            pv = vol = 0.0
            out.append(p)
            pv += p * v
            vol += v
            continue
        pv += p * v
        vol += v
        out.append(pv / vol if vol > 0 else math.nan)
    return out
