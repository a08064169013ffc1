def fillable_qty(levels: list[tuple[float, float]], side: str, limit: float) -> float:
    """Quantity a marketable limit order could take from one side of the book.

    ``levels`` are ``(price, qty)`` pairs of the opposite side: asks for a
    ``"buy"``, bids for a ``"sell"``. A buy can take every ask priced at or below
    ``limit``; a sell can take every bid priced at or above ``limit``. Return the
    summed quantity (0.0 when nothing qualifies).

    >>> fillable_qty([(100.0, 1.0), (101.0, 2.0), (102.0, 5.0)], "buy", 101.0)
    3.0
    """
    if side == "buy":
        return float(sum(q for p, q in levels if p <= limit))
    if side == "sell":
        return float(sum(q for p, q in levels if p >= limit))
    raise ValueError(f"unknown side {side!r}")
