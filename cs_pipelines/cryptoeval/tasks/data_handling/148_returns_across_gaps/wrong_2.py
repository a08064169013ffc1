import math


def returns_across_gaps(rows: list[list[float]], interval_ms: int) -> list[float]:
    out = []
    for i in range(1, len(rows)):
        if rows[i][0] - rows[i - 1][0] == interval_ms:
            out.append(rows[i][4] / rows[i - 1][4] - 1.0)
    return out
