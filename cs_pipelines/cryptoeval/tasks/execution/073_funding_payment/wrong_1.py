def funding_payment(position_qty: float, mark_price: float, funding_rate: float) -> float:
    """Funding cash flow for the position holder at one funding timestamp.

    ``position_qty`` is signed (long > 0, short < 0). When the funding rate is positive
    longs pay shorts: the holder receives ``-position_qty * mark_price * funding_rate``
    (negative means the holder pays).

    >>> round(funding_payment(2.0, 30_000.0, 0.0001), 6)
    -6.0
    """
    return position_qty * mark_price * funding_rate
