import math


def invalid_ohlcv_rows(rows: list[list[float]]) -> list[int]:
    bad = []
    for i, (_, o, h, l, c, v) in enumerate(rows):
        if not all(math.isfinite(x) for x in (o, h, l, c, v)) or h < l or v < 0:
            bad.append(i)
    return bad
