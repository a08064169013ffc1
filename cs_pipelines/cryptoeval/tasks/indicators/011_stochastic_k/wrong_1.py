import math


def stochastic_k(
    high: list[float], low: list[float], close: list[float], period: int = 14
) -> list[float]:
    out = []
    for i in range(len(close)):
        if i < period:
            out.append(math.nan)
            continue
        hh = max(high[i - period : i])
        ll = min(low[i - period : i])
        out.append(50.0 if hh == ll else 100.0 * (close[i] - ll) / (hh - ll))
    return out
