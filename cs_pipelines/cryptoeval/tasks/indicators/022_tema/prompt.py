def tema(values: list[float], span: int) -> list[float]:
    """Triple exponential moving average ``3*e1 - 3*e2 + e3``.

    ``e1 = ema(values)``, ``e2 = ema(e1)``, ``e3 = ema(e2)``; every ``ema`` is recursive
    with ``alpha = 2 / (span + 1)`` and seeded with its first input (pandas
    ``adjust=False``), so there is no warm-up.

    >>> tema([1.0, 2.0, 3.0], 3)
    [1.0, 1.875, 2.9375]
    """
