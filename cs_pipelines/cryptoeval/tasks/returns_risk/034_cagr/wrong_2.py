def cagr(start_value: float, end_value: float, days: float) -> float:
    """Compound annual growth rate over ``days`` calendar days (365-day crypto year).

    ``(end_value / start_value) ** (365 / days) - 1``. Raise ``ValueError`` if
    ``days <= 0`` or ``start_value <= 0``.

    >>> round(cagr(100.0, 121.0, 730), 6)
    0.1
    """
    if days <= 0 or start_value <= 0:
        raise ValueError("days and start_value must be positive")
    return (end_value / start_value - 1.0) * 365.0 / days
