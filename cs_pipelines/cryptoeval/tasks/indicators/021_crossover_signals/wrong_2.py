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
    for i in range(1, len(fast)):
        vals = (fast[i], slow[i], fast[i - 1], slow[i - 1])
        if any(math.isnan(v) for v in vals):
            continue
        if fast[i] > slow[i] and fast[i - 1] < slow[i - 1]:
            out[i] = 1
        elif fast[i] < slow[i] and fast[i - 1] > slow[i - 1]:
            out[i] = -1
    return out
