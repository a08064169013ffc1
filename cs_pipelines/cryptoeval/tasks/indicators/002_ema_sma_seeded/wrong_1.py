import math


def ema_sma_seeded(values: list[float], period: int) -> list[float]:
    alpha = 2.0 / (period + 1)
    out = []
    for i, v in enumerate(values):
        out.append(v if i == 0 else alpha * v + (1 - alpha) * out[-1])
    return out
