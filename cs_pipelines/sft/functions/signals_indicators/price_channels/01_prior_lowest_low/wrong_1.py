def prior_lowest_low(lows: list[float], window: int) -> list[float]:
    """Lowest low of the ``window`` bars *before* each bar (no look-ahead).

    Output position ``i`` is ``min(lows[i - window], ..., lows[i - 1])``; the
    current bar is excluded so the level can be compared with bar ``i`` to detect a
    breakdown. Positions ``0 .. window - 1`` have no complete prior window and are
    ``float("nan")``. Raise ``ValueError`` when ``window < 1``.

    >>> prior_lowest_low([5, 3, 4, 6, 2], 2)
    [nan, nan, 3, 3, 4]
    """
    if window < 1:
        raise ValueError("need a window of at least one bar")
    levels = [float("nan")] * min(window - 1, len(lows))
    for i in range(window - 1, len(lows)):
        levels.append(min(lows[i - window + 1 : i + 1]))
    return levels
