def stop_limit_bar_result(
    side: str, stop: float, limit: float, open_: float, high: float, low: float
) -> tuple[str, float | None]:
    """Outcome of a stop-limit order over one OHLC bar.

    Buy (requires ``limit >= stop``): nothing happens while ``high < stop`` ->
    ``("pending", None)``. Otherwise the stop fires at ``trigger = max(open_,
    stop)`` (the open if the bar gapped over the stop). If ``trigger <= limit`` the
    limit order executes at once at ``trigger``. If the bar gapped above the limit,
    the order rests at ``limit`` and executes there when the bar's low (which comes
    after the open) reaches it, ``low <= limit``; else ``("resting", None)``.
    Sell mirrors it (requires ``limit <= stop``): pending while ``low > stop``,
    ``trigger = min(open_, stop)``, immediate at ``trigger`` if ``trigger >= limit``,
    else at ``limit`` when ``high >= limit``, else resting.

    Return ``("filled", price)`` for an execution. Raise ``ValueError`` for an
    unknown side or a limit on the wrong side of the stop.

    >>> stop_limit_bar_result("buy", 100.0, 101.0, 103.0, 104.0, 100.5)
    ('filled', 101.0)
    """
    if side == "buy":
        if limit < stop:
            raise ValueError("a buy stop-limit needs limit >= stop")
        if high < stop:
            return "pending", None
        return "filled", stop
    if side == "sell":
        if limit > stop:
            raise ValueError("a sell stop-limit needs limit <= stop")
        if low > stop:
            return "pending", None
        return "filled", stop
    raise ValueError(f"unknown side {side!r}")
