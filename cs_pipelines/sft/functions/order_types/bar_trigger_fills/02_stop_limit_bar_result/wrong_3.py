def stop_limit_bar_result(
    side: str, stop: float, limit: float, open_: float, high: float, low: float
) -> tuple[str, float | None]:
    if side == "buy":
        if limit < stop:
            raise ValueError("a buy stop-limit needs limit >= stop")
        if high < stop:
            return "pending", None
        if low <= limit:
            return "filled", limit
        return "resting", None
    if side == "sell":
        if limit > stop:
            raise ValueError("a sell stop-limit needs limit <= stop")
        if low > stop:
            return "pending", None
        if high >= limit:
            return "filled", limit
        return "resting", None
    raise ValueError(f"unknown side {side!r}")
