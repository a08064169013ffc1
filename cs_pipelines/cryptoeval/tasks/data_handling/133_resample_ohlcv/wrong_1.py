def resample_ohlcv(rows: list[list[float]], bar_ms: int) -> list[list[float]]:
    """Aggregate OHLCV rows (``[ts_ms, open, high, low, close, volume]``, sorted by time)
    into bars of ``bar_ms`` milliseconds.

    A row belongs to the bar starting at ``ts // bar_ms * bar_ms`` (bars are labelled
    by their start). Per bar: open of the first row, max high, min low, close of the last
    row, summed volume. Return bars in time order as lists; bars with no rows are omitted.

    >>> resample_ohlcv([[0, 10, 12, 9, 11, 1], [60_000, 11, 13, 10, 12, 2]], 180_000)
    [[0, 10, 13, 9, 12, 3]]
    """
    out = []
    for ts, o, h, l, c, v in rows:
        start = ts // bar_ms * bar_ms
        if out and out[-1][0] == start:
            bar = out[-1]
            bar[2] = max(bar[2], h)
            bar[3] = min(bar[3], l)
            bar[5] += v
        else:
            out.append([start, o, h, l, c, v])
    return out
