import math


def crossover_signals(fast: list[float], slow: list[float]) -> list[int]:
    out = [0] * len(fast)
    for i in range(1, len(fast)):
        vals = (fast[i], slow[i], fast[i - 1], slow[i - 1])
        if any(math.isnan(v) for v in vals):
            continue
        if fast[i] > slow[i] and fast[i - 1] < slow[i - 1]:
            out[i] = 1
        elif fast[i] < slow[i] and fast[i - 1] > slow[i - 1]:
            out[i] = -1
    return out
