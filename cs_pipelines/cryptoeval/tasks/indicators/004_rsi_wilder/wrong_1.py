import math


def rsi_wilder(closes: list[float], period: int = 14) -> list[float]:
    out = [math.nan] * len(closes)
    if len(closes) <= period:
        return out
    gains = [max(closes[i] - closes[i - 1], 0.0) for i in range(1, len(closes))]
    losses = [max(closes[i - 1] - closes[i], 0.0) for i in range(1, len(closes))]
    for i in range(period, len(closes)):
        g = sum(gains[i - period : i]) / period
        l = sum(losses[i - period : i]) / period
        if l == 0:
            out[i] = 50.0 if g == 0 else 100.0
        else:
            out[i] = 100.0 - 100.0 / (1.0 + g / l)
    return out
