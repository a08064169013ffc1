def ichimoku_lines(
    highs: list[float], lows: list[float], tenkan: int = 9, kijun: int = 26
) -> tuple[list[float], list[float]]:
    """Ichimoku conversion (tenkan-sen) and base (kijun-sen) lines.

    A line with period ``p`` is, at bar ``i``, the midpoint of the range of the
    last ``p`` bars: ``(max(highs[i-p+1 .. i]) + min(lows[i-p+1 .. i])) / 2``; it
    is ``float("nan")`` for ``i < p - 1``. Return ``(tenkan_line, kijun_line)``,
    each as long as the input. Raise ``ValueError`` if ``highs`` and ``lows``
    differ in length or if either period is smaller than 1.

    >>> ichimoku_lines([10, 12, 11], [8, 9, 7], tenkan=2, kijun=3)
    ([nan, 10.0, 9.5], [nan, nan, 9.5])
    """
