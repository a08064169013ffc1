import math


def crossover_signals(fast: list[float], slow: list[float]) -> list[int]:
    """Moving-average crossover *events* (not states).

    ``+1`` at ``i`` when ``fast[i] > slow[i]`` and ``fast[i-1] <= slow[i-1]`` (crossed
    up), ``-1`` when ``fast[i] < slow[i]`` and ``fast[i-1] >= slow[i-1]`` (crossed down),
    otherwise 0. Index 0, and any index where one of the four values is ``nan``
    (indicator warm-up), is 0.

    >>> crossover_signals([float("nan"), 1, 2, 3, 2, 1], [float("nan"), 2, 2, 2, 2, 2])
    [0, 0, 0, 1, 0, -1]
    """
    out = [0] * len(fast)
    for i in range(len(fast)):
        if math.isnan(fast[i]) or math.isnan(slow[i]):
            continue
        out[i] = 1 if fast[i] > slow[i] else -1 if fast[i] < slow[i] else 0
    return out
