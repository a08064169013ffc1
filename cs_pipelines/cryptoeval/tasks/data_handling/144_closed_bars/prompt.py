def closed_bars(rows: list[list[float]], now_ms: int, bar_ms: int) -> list[list[float]]:
    """Drop the still-forming bar(s) from OHLCV rows fetched at ``now_ms``.

    A bar starting at ``ts`` is closed once ``ts + bar_ms <= now_ms``; trading on an
    unfinished bar would use data that can still change (look-ahead in backtests).

    >>> rows = [[0, 1, 1, 1, 1, 1], [60_000, 1, 1, 1, 1, 1]]
    >>> [r[0] for r in closed_bars(rows, 90_000, 60_000)]
    [0]
    """
