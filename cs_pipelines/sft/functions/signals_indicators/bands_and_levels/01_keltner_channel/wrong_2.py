def keltner_channel(
    highs: list[float],
    lows: list[float],
    closes: list[float],
    ema_span: int = 20,
    atr_window: int = 10,
    multiplier: float = 2.0,
) -> tuple[list[float], list[float], list[float]]:
    """Keltner channel: an EMA midline with bands a multiple of the range away.

    ``middle`` is the recursive EMA of ``closes`` with ``a = 2 / (ema_span + 1)``,
    starting at ``closes[0]`` (``m[i] = a * closes[i] + (1 - a) * m[i - 1]``); it
    has no warm-up. The range of bar 0 is ``highs[0] - lows[0]``; for later bars it
    is the largest of ``high - low``, ``abs(high - prev_close)`` and
    ``abs(low - prev_close)``. ``rng[i]`` is the plain mean of the last
    ``atr_window`` ranges (``nan`` for ``i < atr_window - 1``), and the bands are
    ``middle -/+ multiplier * rng``. Return ``(lower, middle, upper)``. Raise
    ``ValueError`` for lists of unequal length or ``atr_window < 1``.

    >>> keltner_channel([11, 12], [9, 10], [10, 11], ema_span=3, atr_window=2,
    ...                 multiplier=1.0)
    ([nan, 8.5], [10.0, 10.5], [nan, 12.5])
    """
    if not len(highs) == len(lows) == len(closes):
        raise ValueError("price lists must line up bar for bar")
    if atr_window < 1:
        raise ValueError("atr_window must be positive")
    middle, ranges = [], []
    for i, (h, lo, c) in enumerate(zip(highs, lows, closes)):
        start = max(0, i - ema_span + 1)
        middle.append(sum(closes[start : i + 1]) / (i + 1 - start))
        if i == 0:
            ranges.append(h - lo)
        else:
            pc = closes[i - 1]
            ranges.append(max(h - lo, abs(h - pc), abs(lo - pc)))
    lower, upper = [], []
    for i, mid in enumerate(middle):
        if i < atr_window - 1:
            lower.append(float("nan"))
            upper.append(float("nan"))
            continue
        width = multiplier * sum(ranges[i - atr_window + 1 : i + 1]) / atr_window
        lower.append(mid - width)
        upper.append(mid + width)
    return lower, middle, upper
