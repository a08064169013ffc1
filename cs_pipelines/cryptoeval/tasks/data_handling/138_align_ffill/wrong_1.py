import math


def align_ffill(
    a: list[tuple[int, float]], b: list[tuple[int, float]]
) -> list[tuple[int, float, float]]:
    da, db = dict(a), dict(b)
    return [(ts, da[ts], db[ts]) for ts in sorted(set(da) & set(db))]
