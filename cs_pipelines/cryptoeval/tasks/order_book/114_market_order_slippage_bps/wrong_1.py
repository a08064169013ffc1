def market_order_slippage_bps(
    levels: list[tuple[float, float]], qty: float, side: str
) -> float:
    """Slippage, in bps of the best price, of a market order walking ``levels``.

    ``levels`` is the opposite side (asks for a ``"buy"``, bids for a ``"sell"``), best
    first. With ``avg`` the volume-weighted fill price and ``best = levels[0][0]``:
    buy ``(avg - best) / best * 10_000``, sell ``(best - avg) / best * 10_000`` (both
    non-negative). Raise ``ValueError`` on insufficient depth.

    >>> round(market_order_slippage_bps([(100.0, 1.0), (102.0, 1.0)], 2.0, "buy"), 6)
    100.0
    """
    remaining = qty
    cost = 0.0
    for price, size in levels:
        take = min(size, remaining)
        cost += take * price
        remaining -= take
        if remaining <= 1e-12:
            break
    else:
        raise ValueError("insufficient depth")
    avg = cost / qty
    best = levels[0][0]
    return (avg - best) / best * 10_000.0
