import math


def recovery_factor(equity: list[float]) -> float:
    """Net profit of an equity curve divided by its worst peak-to-trough loss.

    Both are in currency: net profit is ``equity[-1] - equity[0]`` and the
    maximum drawdown is the largest ``running_peak - equity[t]`` (not a
    percentage). With no drawdown return ``math.inf`` if the net profit is
    positive and ``0.0`` otherwise. Raise ``ValueError`` for fewer than two points.

    >>> round(recovery_factor([100.0, 120.0, 90.0, 130.0, 117.0]), 6)
    0.566667
    """
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
