def limit_order_fill(
    side: str, limit: float, bars: list[tuple[float, float, float, float]]
) -> tuple[int, float] | None:
    """Conservative fill simulation of a resting limit order on OHLC bars.

    A buy fills at the open if the bar opens at or below the limit (gap), otherwise only
    if the low trades *strictly through* the limit (``low < limit``; a mere touch may
    leave the order unfilled in the queue), at the limit price. Sells mirror this
    (``open >= limit`` fills at the open, ``high > limit`` at the limit). Return
    ``(bar_index, fill_price)`` for the first fill, or ``None``.

    >>> limit_order_fill("buy", 100.0, [(102, 103, 100, 101), (101, 101, 99, 100)])
    (1, 100.0)
    """
