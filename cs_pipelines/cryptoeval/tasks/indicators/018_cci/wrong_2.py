import math


def cci(
    high: list[float], low: list[float], close: list[float], period: int = 20
) -> list[float]:
    tp = [(h + l + c) / 3.0 for h, l, c in zip(high, low, close)]
    out = []
    for i in range(len(tp)):
        if i < period - 1:
            out.append(math.nan)
            continue
        win = tp[i - period + 1 : i + 1]
        mean = sum(win) / period
        mad = sum(abs(x - mean) for x in win) / period
        out.append(0.0 if mad == 0 else (tp[i] - mean) / mad)
    return out
