import math


def williams_r(
    high: list[float], low: list[float], close: list[float], period: int = 14
) -> list[float]:
    out = []
    for i in range(len(close)):
        if i < period - 1:
            out.append(math.nan)
            continue
        hh = max(high[i - period + 1 : i + 1])
        ll = min(low[i - period + 1 : i + 1])
        out.append(-50.0 if hh == ll else -100.0 * (close[i] - ll) / (hh - ll))
    return out
