def apply_l2_updates(
    side: str, book: dict[float, float], updates: list[tuple[float, float]]
) -> list[tuple[float, float]]:
    """Apply L2 snapshot-delta updates to one side of a book and return its levels.

    ``book`` maps price to quantity; each update ``(price, qty)`` *replaces* the
    quantity at that price, and ``qty == 0`` deletes the level. Return the levels best
    first: ``"bid"`` sorted by price descending, ``"ask"`` ascending. Do not mutate
    ``book``.

    >>> apply_l2_updates("bid", {100.0: 1.0, 99.0: 2.0}, [(100.0, 0.0), (98.5, 3.0)])
    [(99.0, 2.0), (98.5, 3.0)]
    """
    for price, qty in updates:
        if qty == 0:
            book.pop(price, None)
        else:
            book[price] = qty
    return sorted(book.items(), key=lambda kv: kv[0], reverse=(side == "bid"))
