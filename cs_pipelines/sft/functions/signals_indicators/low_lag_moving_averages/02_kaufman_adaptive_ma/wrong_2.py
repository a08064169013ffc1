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
    if min(window, fast, slow) < 1:
        raise ValueError("window, fast and slow must all be >= 1")
    f = 2.0 / (fast + 1)
    s = 2.0 / (slow + 1)
    line = [float("nan")] * min(window - 1, len(closes))
    if len(closes) < window:
        return line
    line.append(sum(closes[:window]) / window)
    for i in range(window, len(closes)):
        net = abs(closes[i] - closes[i - window])
        steps = zip(closes[i - window : i], closes[i - window + 1 : i + 1])
        noise = sum(abs(y - x) for x, y in steps)
        er = net / noise if noise else 0.0
        sc = (er * (f - s) + s) ** 2
        line.append(line[-1] + sc * (closes[i] - line[-1]))
    return line
