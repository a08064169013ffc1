def stale_price_indices(closes: list[float], max_repeats: int) -> list[int]:
    """Flag a possibly stale feed: indices whose close is at least the
    ``(max_repeats + 1)``-th consecutive identical value.

    >>> stale_price_indices([1.0, 1.0, 1.0, 2.0, 2.0, 2.0, 2.0], 2)
    [2, 5, 6]
    """
    out = []
    run = 0
    for i, c in enumerate(closes):
        run = run + 1 if i > 0 and c == closes[i - 1] else 0
        if run > max_repeats:
            out.append(i)
    return out
