def is_crossed(bids: list[tuple[float, float]], asks: list[tuple[float, float]]) -> bool:
    """True when the book is crossed *or locked* (best bid >= best ask), a sign of a
    stale or mis-merged feed. An empty side is never crossed.

    >>> is_crossed([(100.0, 1.0)], [(100.0, 2.0)])
    True
    """
    if not bids or not asks:
        return False
    return bids[0][0] >= asks[0][0]
