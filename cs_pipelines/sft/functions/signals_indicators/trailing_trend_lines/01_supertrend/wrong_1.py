def supertrend(
    highs: list[float],
    lows: list[float],
    closes: list[float],
    window: int = 10,
    multiplier: float = 3.0,
) -> tuple[list[float], list[int]]:
    """SuperTrend line and trend direction.

    Range per bar: ``highs[0] - lows[0]`` for bar 0, later the largest of
    ``h - l``, ``abs(h - prev_close)``, ``abs(l - prev_close)``; ``atr[i]`` is the
    simple mean of the last ``window`` ranges. Basic bands:
    ``(h + l) / 2 +/- multiplier * atr``. From ``s = window - 1`` on keep final
    bands: at ``s`` they equal the basic bands; afterwards
    ``upper[i] = basic_upper[i]`` if ``basic_upper[i] < upper[i-1]`` or
    ``closes[i-1] > upper[i-1]``, else ``upper[i-1]`` (mirror for ``lower`` with
    ``>`` and ``<`` swapped). The trend starts up (+1) at ``s``; an uptrend turns
    down (-1) when ``closes[i] < lower[i]``, a downtrend turns up when
    ``closes[i] > upper[i]``. The line is ``lower`` in an uptrend and ``upper`` in
    a downtrend. Before ``s`` the line is ``float("nan")`` and the direction 0.
    Return ``(line, direction)``; raise ``ValueError`` on unequal lengths or
    ``window < 1``.

    >>> supertrend([11, 12, 13], [9, 10, 11], [10, 11, 12], 2, 1.0)
    ([nan, 9.0, 10.0], [0, 1, 1])
    """
    n = len(closes)
    if len(highs) != n or len(lows) != n:
        raise ValueError("highs, lows and closes must be the same length")
    if window < 1:
        raise ValueError("window must be >= 1 bar")
    ranges = []
    for i in range(n):
        h, lo = highs[i], lows[i]
        if i == 0:
            ranges.append(h - lo)
        else:
            pc = closes[i - 1]
            ranges.append(max(h - lo, abs(h - pc), abs(lo - pc)))
    line = [float("nan")] * n
    direction = [0] * n
    trend = 1
    for i in range(window - 1, n):
        atr = sum(ranges[i - window + 1 : i + 1]) / window
        mid = (highs[i] + lows[i]) / 2
        upper, lower = mid + multiplier * atr, mid - multiplier * atr
        if i > window - 1:
            if trend == 1 and closes[i] < lower:
                trend = -1
            elif trend == -1 and closes[i] > upper:
                trend = 1
        direction[i] = trend
        line[i] = lower if trend == 1 else upper
    return line, direction
