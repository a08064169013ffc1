def resample_ohlcv(rows: list[list[float]], bar_ms: int) -> list[list[float]]:
    out = []
    for ts, o, h, l, c, v in rows:
        start = ts // bar_ms * bar_ms
        if out and out[-1][0] == start:
            bar = out[-1]
            bar[2] = max(bar[2], h)
            bar[3] = min(bar[3], l)
            bar[4] = c
            bar[5] = max(bar[5], v)
        else:
            out.append([start, o, h, l, c, v])
    return out
