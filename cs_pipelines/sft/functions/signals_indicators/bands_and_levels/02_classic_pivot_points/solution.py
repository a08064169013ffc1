def classic_pivot_points(high: float, low: float, close: float) -> dict[str, float]:
    """Floor-trader pivot levels for the next session from one session's H/L/C.

    ``pp = (high + low + close) / 3``; ``r1 = 2 * pp - low``,
    ``s1 = 2 * pp - high``; ``r2 = pp + (high - low)``, ``s2 = pp - (high - low)``;
    ``r3 = high + 2 * (pp - low)``, ``s3 = low - 2 * (high - pp)``. Return a dict
    with keys ``"pp", "r1", "r2", "r3", "s1", "s2", "s3"``. Raise ``ValueError``
    if ``high < low`` or ``close`` lies outside ``[low, high]``.

    >>> classic_pivot_points(110.0, 90.0, 100.0)["r3"]
    130.0
    """
    if high < low or not low <= close <= high:
        raise ValueError("inconsistent session: need low <= close <= high")
    pp = (high + low + close) / 3
    span = high - low
    return {
        "pp": pp,
        "r1": 2 * pp - low,
        "r2": pp + span,
        "r3": high + 2 * (pp - low),
        "s1": 2 * pp - high,
        "s2": pp - span,
        "s3": low - 2 * (high - pp),
    }
