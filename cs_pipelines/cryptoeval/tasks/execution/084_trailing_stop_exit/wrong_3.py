def trailing_stop_exit(
    entry_price: float, trail_fraction: float, bars: list[tuple[float, float, float, float]]
) -> tuple[int, float] | None:
    peak = entry_price
    for i, (_o, h, l, _c) in enumerate(bars):
        stop = peak * (1 - trail_fraction)
        if l <= stop:
            return i, stop
        peak = max(peak, h)
    return None
