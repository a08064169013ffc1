def bracket_exit(
    side: str,
    stop: float,
    take_profit: float,
    bars: list[tuple[float, float, float, float]],
) -> tuple[int, float, str] | None:
    long = side == "long"
    for i, (o, h, l, _c) in enumerate(bars):
        if (l <= stop) if long else (h >= stop):
            return i, float(stop), "stop"
        if (h >= take_profit) if long else (l <= take_profit):
            return i, float(take_profit), "take_profit"
    return None
