import math


def rsi_wilder(closes: list[float], period: int = 14) -> list[float]:
    out = [math.nan] * len(closes)
    if len(closes) <= period:
        return out
    alpha = 2.0 / (period + 1)
    gains = [max(closes[i] - closes[i - 1], 0.0) for i in range(1, len(closes))]
    losses = [max(closes[i - 1] - closes[i], 0.0) for i in range(1, len(closes))]
    avg_g = sum(gains[:period]) / period
    avg_l = sum(losses[:period]) / period
    for i in range(period, len(closes)):
        if i > period:
            avg_g = alpha * gains[i - 1] + (1 - alpha) * avg_g
            avg_l = alpha * losses[i - 1] + (1 - alpha) * avg_l
        if avg_l == 0:
            out[i] = 50.0 if avg_g == 0 else 100.0
        else:
            out[i] = 100.0 - 100.0 / (1.0 + avg_g / avg_l)
    return out
