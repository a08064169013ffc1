import math


def recovery_factor(equity: list[float]) -> float:
    if len(equity) < 2:
        raise ValueError("an equity curve needs two or more points")
    worst = max(0.0, equity[0] - min(equity))
    net = equity[-1] - equity[0]
    if worst == 0:
        return math.inf if net > 0 else 0.0
    return net / worst
