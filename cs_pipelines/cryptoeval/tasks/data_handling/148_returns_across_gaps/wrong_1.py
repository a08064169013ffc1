import math


def returns_across_gaps(rows: list[list[float]], interval_ms: int) -> list[float]:
    out = [math.nan] * len(rows)
    for i in range(1, len(rows)):
        out[i] = rows[i][4] / rows[i - 1][4] - 1.0
    return out
