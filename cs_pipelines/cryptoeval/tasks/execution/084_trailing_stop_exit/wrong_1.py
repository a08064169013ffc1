def trailing_stop_exit(
    entry_price: float, trail_fraction: float, bars: list[tuple[float, float, float, float]]
) -> tuple[int, float] | None:
    """Exit of a long position protected by a trailing stop, on OHLC bars after entry.

    The peak starts at ``entry_price``. For each bar, the stop is
    ``peak * (1 - trail_fraction)`` using the peak of *earlier* bars only (the order of
    intrabar highs and lows is unknown, so the current high cannot raise this bar's
    stop). If the bar opens at or below the stop, exit at the open (gap); else if its low
    reaches the stop, exit at the stop. Otherwise raise the peak to ``max(peak, high)``.
    Return ``(bar_index, exit_price)`` or ``None``.

    >>> trailing_stop_exit(100.0, 0.1, [(100, 110, 101, 109), (109, 112, 98, 100)])
    (1, 99.0)
    """
    peak = entry_price
    for i, (o, h, l, _c) in enumerate(bars):
        peak = max(peak, h)
        stop = peak * (1 - trail_fraction)
        if o <= stop:
            return i, float(o)
        if l <= stop:
            return i, stop
    return None
