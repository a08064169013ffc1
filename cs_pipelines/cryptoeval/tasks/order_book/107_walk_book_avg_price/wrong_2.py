def walk_book_avg_price(levels: list[tuple[float, float]], qty: float) -> float:
    """Volume-weighted average fill price of a market order for ``qty`` that consumes
    ``levels`` (best first) in order, taking a partial amount of the last level.

    Raise ``ValueError`` if the book does not hold ``qty`` (insufficient depth) or if
    ``qty <= 0``.

    >>> walk_book_avg_price([(100.0, 1.0), (101.0, 2.0), (103.0, 5.0)], 2.0)
    100.5
    """
    if qty <= 0:
        raise ValueError("qty must be positive")
    remaining = qty
    cost = 0.0
    for price, size in levels:
        take = min(size, remaining)
        cost += take * price
        remaining -= take
        if remaining <= 1e-12:
            break
    return cost / qty
