def leverage_capped_quantity(
    desired_qty: float,
    price: float,
    equity: float,
    max_leverage: float,
    existing_notional: float = 0.0,
) -> float:
    """Largest quantity up to ``desired_qty`` that keeps account leverage capped.

    Total notional may not exceed ``max_leverage * equity``; positions already
    open use ``existing_notional`` of it (a gross, non-negative amount). The
    result is ``min(desired_qty, room / price)`` where ``room`` is the unused
    notional, and never negative (0.0 once the cap is used up). Raise
    ``ValueError`` if ``price``, ``equity`` or ``max_leverage`` is not positive.

    >>> leverage_capped_quantity(2.0, 50_000.0, 10_000.0, 5.0, 20_000.0)
    0.6
    """
    if price <= 0 or equity <= 0 or max_leverage <= 0:
        raise ValueError("price, equity and max_leverage must be positive")
    room = max_leverage * equity
    return min(desired_qty, room / price)
