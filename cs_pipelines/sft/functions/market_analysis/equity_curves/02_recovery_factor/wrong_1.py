import math


def recovery_factor(equity: list[float]) -> float:
    if len(equity) < 2:
        raise ValueError("an equity curve needs two or more points")
    high = equity[0]
    worst = 0.0
    for v in equity:
        high = max(high, v)
        worst = max(worst, 1.0 - v / high)
    net = equity[-1] - equity[0]
    if worst == 0:
        return math.inf if net > 0 else 0.0
    return net / worst
