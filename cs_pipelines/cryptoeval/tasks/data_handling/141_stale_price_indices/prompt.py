def stale_price_indices(closes: list[float], max_repeats: int) -> list[int]:
    """Flag a possibly stale feed: indices whose close is at least the
    ``(max_repeats + 1)``-th consecutive identical value.

    >>> stale_price_indices([1.0, 1.0, 1.0, 2.0, 2.0, 2.0, 2.0], 2)
    [2, 5, 6]
    """
