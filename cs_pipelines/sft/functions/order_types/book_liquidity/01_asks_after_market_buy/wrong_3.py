def asks_after_market_buy(
    asks: list[tuple[float, float]], qty: float
) -> list[tuple[float, float]]:
    """The ask side left after a market buy of ``qty`` base units sweeps it.

    ``asks`` are ``(price, size)`` with the cheapest first. Levels are consumed in
    order; a level taken completely disappears, and a level taken in part stays
    with its size reduced (rounded with ``round(x, 10)``). Levels the order never
    reaches are returned as they were. A zero ``qty`` leaves the book unchanged.

    Raise ``ValueError`` if ``qty`` is negative or exceeds the total ask size.

    >>> asks_after_market_buy([(100.0, 1.0), (101.0, 2.0), (102.0, 5.0)], 2.5)
    [(101.0, 0.5), (102.0, 5.0)]
    """
    if qty < 0 or qty > sum(size for _, size in asks) + 1e-12:
        raise ValueError("qty must be between 0 and the total ask size")
    if not asks:
        return []
    px, size = asks[0]
    rest = round(size - qty, 10)
    head = [(px, rest)] if rest > 0 else []
    return head + list(asks[1:])
