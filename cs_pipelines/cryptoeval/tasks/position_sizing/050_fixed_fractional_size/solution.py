def fixed_fractional_size(
    equity: float, risk_fraction: float, entry: float, stop: float
) -> float:
    """Quantity (in coins) so that hitting the stop loses ``risk_fraction`` of equity.

    ``quantity = equity * risk_fraction / abs(entry - stop)``; works for longs (stop below
    entry) and shorts (stop above entry) and is always non-negative. Raise ``ValueError``
    if ``entry == stop``.

    >>> round(fixed_fractional_size(10_000.0, 0.01, 50_000.0, 49_000.0), 6)
    0.1
    """
    if entry == stop:
        raise ValueError("stop must differ from entry")
    return equity * risk_fraction / abs(entry - stop)
