def resample_complete_bars(
    rows: list[list[float]], src_ms: int, bar_ms: int
) -> list[list[float]]:
    """Resample OHLCV rows of interval ``src_ms`` into ``bar_ms`` bars, emitting only
    *complete* bars.

    Rows are ``[ts_ms, open, high, low, close, volume]`` and may arrive unsorted and with
    duplicated timestamps (keep the *last* occurrence of a timestamp). A row belongs to
    the bar starting at ``ts // bar_ms * bar_ms``; a bar is complete when it holds all
    ``bar_ms // src_ms`` distinct source timestamps. Aggregate open (first), high (max),
    low (min), close (last), volume (sum) in time order; return complete bars sorted.

    >>> rows = [[60_000, 2, 3, 1, 2, 1], [0, 1, 2, 1, 2, 1], [120_000, 2, 2, 2, 2, 1]]
    >>> resample_complete_bars(rows, 60_000, 120_000)
    [[0, 1, 3, 1, 2, 2]]
    """
    latest = {}
    for row in rows:
        latest[row[0]] = row
    need = bar_ms // src_ms
    groups = {}
    for ts in sorted(latest):
        groups.setdefault(ts // bar_ms * bar_ms, []).append(latest[ts])
    out = []
    for start in sorted(groups):
        g = groups[start]
        if len(g) != need:
            continue
        out.append(
            [start, g[0][1], max(r[2] for r in g), min(r[3] for r in g), g[-1][4],
             sum(r[5] for r in g)]
        )
    return out
