def weighted_mid_top_n(
    bids: list[tuple[float, float]], asks: list[tuple[float, float]], n: int
) -> float:
    """Mid price built from the size-weighted average prices of the top ``n`` levels.

    Both sides are ``(price, qty)`` lists, best level first. On each side take the
    first ``n`` levels (all of them if there are fewer) and compute
    ``sum(price * qty) / sum(qty)``; the result is the plain average of the bid
    side's value and the ask side's value.

    Raise ``ValueError`` if ``n < 1`` or either side is empty.

    >>> weighted_mid_top_n([(99.0, 1.0), (98.0, 3.0)], [(101.0, 1.0), (103.0, 1.0)], 2)
    100.125
    """
    if n < 1 or not bids or not asks:
        raise ValueError("need n >= 1 and two non-empty sides")
    both = bids[:n] + asks[:n]
    return sum(p * q for p, q in both) / sum(q for _, q in both)
