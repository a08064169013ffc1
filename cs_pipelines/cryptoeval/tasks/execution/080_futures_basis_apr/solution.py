def futures_basis_apr(spot: float, futures: float, days_to_expiry: float) -> float:
    """Annualised (simple) basis of a dated future: ``(futures / spot - 1) * 365 / days``.

    Crypto futures use a 365-day year (not 360 or 252).

    >>> round(futures_basis_apr(20_000.0, 20_200.0, 73), 6)
    0.05
    """
    if days_to_expiry <= 0:
        raise ValueError("days_to_expiry must be positive")
    return (futures / spot - 1.0) * 365.0 / days_to_expiry
