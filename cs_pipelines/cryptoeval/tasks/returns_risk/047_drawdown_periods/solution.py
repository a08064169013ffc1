def drawdown_periods(equity: list[float]) -> list[tuple[int, int, int | None]]:
    """Drawdown episodes of an equity curve as ``(peak, trough, recovery)`` indices.

    An episode starts when a value falls below the running peak (``peak`` is the index of
    that peak), its ``trough`` is the index of the episode's lowest value (the *first*
    such index on ties), and it ends at ``recovery``, the first later index whose value is
    back at or above the peak value. An episode still open at the end has recovery
    ``None``. Episodes are returned in time order.

    >>> drawdown_periods([100, 90, 95, 100, 99, 98, 97, 101])
    [(0, 1, 3), (3, 6, 7)]
    """
    episodes = []
    if not equity:
        return episodes
    peak = 0
    trough = None
    for i, v in enumerate(equity):
        if v >= equity[peak]:
            if trough is not None:
                episodes.append((peak, trough, i))
                trough = None
            peak = i
        elif trough is None or v < equity[trough]:
            trough = i
    if trough is not None:
        episodes.append((peak, trough, None))
    return episodes
