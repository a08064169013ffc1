def bracket_exit(
    side: str,
    stop: float,
    take_profit: float,
    bars: list[tuple[float, float, float, float]],
) -> tuple[int, float, str] | None:
    for i, (o, h, l, _c) in enumerate(bars):
        if o <= stop:
            return i, float(o), "stop"
        if o >= take_profit:
            return i, float(o), "take_profit"
        if l <= stop:
            return i, float(stop), "stop"
        if h >= take_profit:
            return i, float(take_profit), "take_profit"
    return None
