import math


def ema_sma_seeded(values: list[float], period: int) -> list[float]:
    alpha = 2.0 / (period + 1)
    out = [math.nan] * len(values)
    if len(values) <= period:
        return out
    prev = sum(values[:period]) / period
    out[period] = prev
    for i in range(period + 1, len(values)):
        prev = alpha * values[i] + (1 - alpha) * prev
        out[i] = prev
    return out
