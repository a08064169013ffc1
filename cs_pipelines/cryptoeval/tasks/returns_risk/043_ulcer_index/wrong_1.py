import math


def ulcer_index(equity: list[float]) -> float:
    """Ulcer index: root-mean-square percentage drawdown over *all* points.

    ``dd[i] = 100 * (peak_i - equity[i]) / peak_i`` with ``peak_i`` the running maximum
    up to ``i``; return ``sqrt(mean(dd ** 2))`` (0.0 for an empty curve).

    >>> round(ulcer_index([100.0, 90.0, 100.0, 80.0]), 6)
    11.18034
    """
    if not equity:
        return 0.0
    peak = equity[0]
    total = 0.0
    for v in equity:
        peak = max(peak, v)
        total += 100.0 * (peak - v) / peak
    return total / len(equity)
