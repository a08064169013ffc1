def dedupe_bars(rows: list[list[float]]) -> list[list[float]]:
    """Drop duplicate-timestamp OHLCV rows, keeping the *last* occurrence (exchanges
    re-send a corrected bar), and return the rows sorted by timestamp.

    >>> dedupe_bars([[60_000, 2, 2, 2, 2, 1], [0, 1, 1, 1, 1, 1], [60_000, 3, 3, 3, 3, 2]])
    [[0, 1, 1, 1, 1, 1], [60000, 3, 3, 3, 3, 2]]
    """
