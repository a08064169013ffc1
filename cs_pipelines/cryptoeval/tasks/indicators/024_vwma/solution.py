import math


def vwma(close: list[float], volume: list[float], window: int) -> list[float]:
    """Volume-weighted moving average over ``window`` bars:
    ``sum(close * volume) / sum(volume)``. The first ``window - 1`` entries are ``nan``,
    and so is any window with zero total volume.

    >>> vwma([10.0, 20.0, 30.0], [1.0, 3.0, 0.0], 2)
    [nan, 17.5, 20.0]
    """
    out = []
    for i in range(len(close)):
        if i < window - 1:
            out.append(math.nan)
            continue
        c = close[i - window + 1 : i + 1]
        v = volume[i - window + 1 : i + 1]
        total = sum(v)
        out.append(sum(a * b for a, b in zip(c, v)) / total if total > 0 else math.nan)
    return out
