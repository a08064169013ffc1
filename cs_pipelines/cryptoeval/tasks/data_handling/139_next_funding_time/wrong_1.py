def next_funding_time(ts_ms: int, interval_hours: int = 8) -> int:
    """Next funding timestamp strictly after ``ts_ms``.

    Funding happens every ``interval_hours`` hours aligned to UTC midnight (00:00, 08:00,
    16:00 for 8 h). A timestamp exactly on a funding time returns the *following* one.

    >>> next_funding_time(1)
    28800000
    """
    period = interval_hours * 3_600_000
    return -(-ts_ms // period) * period
