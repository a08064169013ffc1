import math


def vwap(
    high: list[float], low: list[float], close: list[float], volume: list[float]
) -> list[float]:
    """Cumulative volume-weighted average price from the start of the series.

    Each bar contributes its typical price ``(high + low + close) / 3`` weighted by its
    volume. Entry ``i`` is ``sum(tp[:i+1] * volume[:i+1]) / sum(volume[:i+1])``; while
    the cumulative volume is 0 the entry is ``nan``.

    >>> vwap([11.0, 12.0], [9.0, 10.0], [10.0, 11.0], [1.0, 3.0])
    [10.0, 10.75]
    """
    out = []
    pv = 0.0
    vol = 0.0
    for c, v in zip(close, volume):
        pv += c * v
        vol += v
        out.append(pv / vol if vol > 0 else math.nan)
    return out
