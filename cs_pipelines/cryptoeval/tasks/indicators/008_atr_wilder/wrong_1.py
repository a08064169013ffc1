import math


def atr_wilder(
    high: list[float], low: list[float], close: list[float], period: int = 14
) -> list[float]:
    tr = []
    for i in range(len(high)):
        hl = high[i] - low[i]
        if i == 0:
            tr.append(hl)
        else:
            pc = close[i - 1]
            tr.append(max(hl, abs(high[i] - pc), abs(low[i] - pc)))
    out = [math.nan] * len(tr)
    for i in range(period - 1, len(tr)):
        out[i] = sum(tr[i - period + 1 : i + 1]) / period
    return out
