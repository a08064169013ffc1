def buy_with_quote(asks: list[tuple[float, float]], quote_amount: float) -> float:
    """Base quantity received by a market buy that spends ``quote_amount`` (fees
    ignored), walking ``asks`` from the best level. Raise ``ValueError`` if the asks
    cannot absorb the whole amount.

    >>> buy_with_quote([(100.0, 1.0), (200.0, 1.0)], 150.0)
    1.25
    """
    remaining = quote_amount
    base = 0.0
    for price, size in asks:
        level_cost = price * size
        if level_cost >= remaining:
            return base + remaining / price
        base += size
        remaining -= level_cost
    raise ValueError("insufficient depth")
