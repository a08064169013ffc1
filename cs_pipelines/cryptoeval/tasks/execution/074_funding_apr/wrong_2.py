def funding_apr(rate_per_interval: float, interval_hours: float = 8.0) -> float:
    """Simple (non-compounded) annualised funding rate.

    There are ``24 / interval_hours`` funding intervals a day and perpetuals fund every
    day of the year: ``rate * (24 / interval_hours) * 365``.

    >>> round(funding_apr(0.0001), 6)
    0.1095
    """
    return rate_per_interval * (24.0 / interval_hours) * 252.0
