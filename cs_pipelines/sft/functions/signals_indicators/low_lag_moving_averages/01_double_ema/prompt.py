def double_ema(values: list[float], span: int) -> list[float]:
    """Double exponential moving average (DEMA): ``2 * e1 - e2``.

    ``e1`` is the exponential average of ``values`` and ``e2`` the exponential
    average of ``e1``. Both use ``k = 2 / (span + 1)``, start at their first input
    and update as ``prev + k * (x - prev)``, so no position is ``nan``. An empty
    input returns ``[]``; ``span < 1`` raises ``ValueError``.

    >>> double_ema([1.0, 2.0, 3.0], 3)
    [1.0, 1.75, 2.75]
    """
