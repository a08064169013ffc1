import math


def ulcer_index(equity: list[float]) -> float:
    """Ulcer index: root-mean-square percentage drawdown over *all* points.

    ``dd[i] = 100 * (peak_i - equity[i]) / peak_i`` with ``peak_i`` the running maximum
    up to ``i``; return ``sqrt(mean(dd ** 2))`` (0.0 for an empty curve).

    >>> round(ulcer_index([100.0, 90.0, 100.0, 80.0]), 6)
    11.18034
    """
    peak = None
    sq = []
    for v in equity:
        peak = v if peak is None else max(peak, v)
        if v < peak:
            sq.append((100.0 * (peak - v) / peak) ** 2)
    return math.sqrt(sum(sq) / len(sq)) if sq else 0.0
