import math


def ulcer_index(equity: list[float]) -> float:
    peak = None
    sq = []
    for v in equity:
        peak = v if peak is None else max(peak, v)
        if v < peak:
            sq.append((100.0 * (peak - v) / peak) ** 2)
    return math.sqrt(sum(sq) / len(sq)) if sq else 0.0
