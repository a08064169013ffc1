def rebalance_dates(start_ms: int, end_ms: int, every_days: int) -> list[int]:
    """Calendar rebalancing timestamps (epoch ms): the first UTC midnight at or after
    ``start_ms``, then every ``every_days`` days (weekends included), up to and
    including ``end_ms``.

    >>> rebalance_dates(1, 5 * 86_400_000, 2)
    [86400000, 259200000, 432000000]
    """
    day = 86_400_000
    t = start_ms
    out = []
    while t <= end_ms:
        out.append(t)
        t += every_days * day
    return out
