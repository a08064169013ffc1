import math


def atr_wilder(
    high: list[float], low: list[float], close: list[float], period: int = 14
) -> list[float]:
    """Average True Range with Wilder's smoothing.

    True range: ``tr[0] = high[0] - low[0]`` and for ``i >= 1`` the max of
    ``high[i] - low[i]``, ``abs(high[i] - close[i-1])``, ``abs(low[i] - close[i-1])``.
    ``atr[period - 1]`` is the mean of ``tr[0:period]``; afterwards
    ``atr[i] = (atr[i-1] * (period - 1) + tr[i]) / period``. Entries before
    ``period - 1`` are ``nan``.

    >>> atr_wilder([10, 12, 13, 11], [9, 10, 11, 8], [9.5, 11, 12, 9], 2)
    [nan, 1.75, 1.875, 2.9375]
    """
    tr = [h - l for h, l in zip(high, low)]
    out = [math.nan] * len(tr)
    if len(tr) < period:
        return out
    prev = sum(tr[:period]) / period
    out[period - 1] = prev
    for i in range(period, len(tr)):
        prev = (prev * (period - 1) + tr[i]) / period
        out[i] = prev
    return out
