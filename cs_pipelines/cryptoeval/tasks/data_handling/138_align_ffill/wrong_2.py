import math


def align_ffill(
    a: list[tuple[int, float]], b: list[tuple[int, float]]
) -> list[tuple[int, float, float]]:
    da, db = dict(a), dict(b)
    times = sorted(set(da) | set(db))
    out = []
    next_a = next_b = math.nan
    for ts in reversed(times):
        next_a = da.get(ts, next_a)
        next_b = db.get(ts, next_b)
        out.append((ts, next_a, next_b))
    return out[::-1]
