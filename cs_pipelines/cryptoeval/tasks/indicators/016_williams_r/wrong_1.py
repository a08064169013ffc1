import math


def williams_r(
    high: list[float], low: list[float], close: list[float], period: int = 14
) -> list[float]:
    """Williams %R: ``-100 * (HH - close) / (HH - LL)`` in ``[-100, 0]``.

    ``HH``/``LL`` are the highest high and lowest low of the ``period`` bars ending at
    (and including) the current bar. If ``HH == LL`` the value is -50. The first
    ``period - 1`` entries are ``nan``.

    >>> [round(x, 4) for x in williams_r([3, 4, 5], [1, 2, 3], [2, 4, 3], 2)]
    [nan, -0.0, -66.6667]
    """
    out = []
    for i in range(len(close)):
        if i < period - 1:
            out.append(math.nan)
            continue
        hh = max(high[i - period + 1 : i + 1])
        ll = min(low[i - period + 1 : i + 1])
        out.append(-50.0 if hh == ll else 100.0 * (hh - close[i]) / (hh - ll))
    return out
