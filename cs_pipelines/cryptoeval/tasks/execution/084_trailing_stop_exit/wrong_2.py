def trailing_stop_exit(
    entry_price: float, trail_fraction: float, bars: list[tuple[float, float, float, float]]
) -> tuple[int, float] | None:
    peak = entry_price
    for i, (o, _h, l, c) in enumerate(bars):
        stop = peak * (1 - trail_fraction)
        if o <= stop:
            return i, float(o)
        if l <= stop:
            return i, stop
        peak = max(peak, c)
    return None
