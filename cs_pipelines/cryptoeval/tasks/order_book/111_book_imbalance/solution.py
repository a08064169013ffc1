def book_imbalance(
    bids: list[tuple[float, float]], asks: list[tuple[float, float]], depth: int
) -> float:
    """Order-book imbalance over the top ``depth`` levels of each side:
    ``(bid_qty - ask_qty) / (bid_qty + ask_qty)`` using quantities (not notionals).
    Return 0.0 if both sides are empty.

    >>> book_imbalance([(99.0, 3.0), (98.0, 1.0)], [(101.0, 1.0), (102.0, 4.0)], 1)
    0.5
    """
    b = sum(q for _, q in bids[:depth])
    a = sum(q for _, q in asks[:depth])
    return 0.0 if a + b == 0 else (b - a) / (b + a)
