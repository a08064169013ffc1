import math


def ulcer_index(equity: list[float]) -> float:
    if not equity:
        return 0.0
    peak = equity[0]
    total = 0.0
    for v in equity:
        peak = max(peak, v)
        total += 100.0 * (peak - v) / peak
    return total / len(equity)
