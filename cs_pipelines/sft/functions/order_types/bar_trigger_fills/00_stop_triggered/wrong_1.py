def stop_triggered(side: str, stop_price: float, high: float, low: float) -> bool:
    """Whether a stop order is activated by a bar with the given ``high`` and ``low``.

    A buy stop sits above the market and activates once the bar's high reaches it
    (``high >= stop_price``); a sell stop sits below and activates once the low
    reaches it (``low <= stop_price``). Touching the level counts.

    Raise ``ValueError`` for a side other than ``"buy"``/``"sell"``.

    >>> stop_triggered("buy", 105.0, 106.0, 100.0)
    True
    """
    if side == "buy":
        return high > stop_price
    if side == "sell":
        return low < stop_price
    raise ValueError(f"unknown side {side!r}")
