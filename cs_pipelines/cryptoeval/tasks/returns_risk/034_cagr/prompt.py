def cagr(start_value: float, end_value: float, days: float) -> float:
    """Compound annual growth rate over ``days`` calendar days (365-day crypto year).

    ``(end_value / start_value) ** (365 / days) - 1``. Raise ``ValueError`` if
    ``days <= 0`` or ``start_value <= 0``.

    >>> round(cagr(100.0, 121.0, 730), 6)
    0.1
    """
