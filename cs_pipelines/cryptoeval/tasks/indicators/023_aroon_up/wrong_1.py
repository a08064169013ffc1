import math


def aroon_up(high: list[float], period: int = 25) -> list[float]:
    """Aroon-Up: ``100 * (period - bars_since_high) / period``.

    At index ``i >= period`` look at the ``period + 1`` highs ``high[i - period : i + 1]``;
    ``bars_since_high`` counts bars from the *most recent* occurrence of their maximum to
    ``i``. The first ``period`` entries are ``nan``.

    >>> aroon_up([1, 3, 2, 3, 1], 2)
    [nan, nan, 50.0, 100.0, 50.0]
    """
    out = []
    for i in range(len(high)):
        if i < period:
            out.append(math.nan)
            continue
        window = high[i - period : i + 1]
        since = period - window.index(max(window))
        out.append(100.0 * (period - since) / period)
    return out
