import math


def invalid_ohlcv_rows(rows: list[list[float]]) -> list[int]:
    bad = []
    for i, (_, o, h, l, c, v) in enumerate(rows):
        if h < max(o, c) or l > min(o, c) or v < 0:
            bad.append(i)
    return bad
