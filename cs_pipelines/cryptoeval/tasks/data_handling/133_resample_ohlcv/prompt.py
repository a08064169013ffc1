def resample_ohlcv(rows: list[list[float]], bar_ms: int) -> list[list[float]]:
    """Aggregate OHLCV rows (``[ts_ms, open, high, low, close, volume]``, sorted by time)
    into bars of ``bar_ms`` milliseconds.

    A row belongs to the bar starting at ``ts // bar_ms * bar_ms`` (bars are labelled
    by their start). Per bar: open of the first row, max high, min low, close of the last
    row, summed volume. Return bars in time order as lists; bars with no rows are omitted.

    >>> resample_ohlcv([[0, 10, 12, 9, 11, 1], [60_000, 11, 13, 10, 12, 2]], 180_000)
    [[0, 10, 13, 9, 12, 3]]
    """
