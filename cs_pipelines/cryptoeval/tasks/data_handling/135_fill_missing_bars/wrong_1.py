def fill_missing_bars(rows: list[list[float]], interval_ms: int) -> list[list[float]]:
    """Insert synthetic bars for missing timestamps in sorted OHLCV rows.

    A missing bar carries the previous bar's *close* as open, high, low and close and has
    volume 0 (no trades happened). Existing rows are returned unchanged, in order.

    >>> fill_missing_bars([[0, 10, 11, 9, 10.5, 5], [120_000, 11, 12, 10, 11.5, 7]], 60_000)
    [[0, 10, 11, 9, 10.5, 5],
     [60000, 10.5, 10.5, 10.5, 10.5, 0],
     [120000, 11, 12, 10, 11.5, 7]]
    """
    out = []
    for row in rows:
        if out:
            ts = out[-1][0] + interval_ms
            while ts < row[0]:
                out.append([ts] + list(out[-1][1:]))
                ts += interval_ms
        out.append(list(row))
    return out
