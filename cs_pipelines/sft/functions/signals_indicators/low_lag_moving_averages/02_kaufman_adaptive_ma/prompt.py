def kaufman_adaptive_ma(
    closes: list[float], window: int = 10, fast: int = 2, slow: int = 30
) -> list[float]:
    """Kaufman's adaptive moving average (KAMA).

    Efficiency ratio at bar ``i >= window``:
    ``er = abs(closes[i] - closes[i - window]) / noise`` where ``noise`` is the sum
    of ``abs(closes[j] - closes[j - 1])`` for ``j`` in ``i - window + 1 .. i``
    (``er = 0`` when ``noise == 0``). With ``f = 2 / (fast + 1)`` and
    ``s = 2 / (slow + 1)`` the smoothing constant is
    ``sc = (er * (f - s) + s) ** 2`` and
    ``kama[i] = kama[i - 1] + sc * (closes[i] - kama[i - 1])``. The line is seeded
    with ``kama[window - 1] = closes[window - 1]``; earlier positions are
    ``float("nan")``. Raise ``ValueError`` if ``window``, ``fast`` or ``slow`` is
    below 1.

    >>> [round(x, 4) for x in kaufman_adaptive_ma([10, 11, 12, 13, 11], 2, 1, 3)]
    [nan, 11.0, 12.0, 13.0, 12.1111]
    """
