def limit_order_fill(
    side: str, limit: float, bars: list[tuple[float, float, float, float]]
) -> tuple[int, float] | None:
    for i, (o, h, l, _c) in enumerate(bars):
        if side == "buy":
            if o <= limit:
                return i, float(o)
            if l <= limit:
                return i, float(limit)
        else:
            if o >= limit:
                return i, float(o)
            if h >= limit:
                return i, float(limit)
    return None
