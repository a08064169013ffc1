import math


def crossover_signals(fast: list[float], slow: list[float]) -> list[int]:
    out = [0] * len(fast)
    for i in range(len(fast)):
        if math.isnan(fast[i]) or math.isnan(slow[i]):
            continue
        out[i] = 1 if fast[i] > slow[i] else -1 if fast[i] < slow[i] else 0
    return out
