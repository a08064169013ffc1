import math


def cci(
    high: list[float], low: list[float], close: list[float], period: int = 20
) -> list[float]:
    """Commodity Channel Index.

    ``tp = (high + low + close) / 3``. Over the ``period`` bars ending at ``i``:
    ``sma`` of ``tp`` and the *mean absolute deviation* ``mean(abs(tp - sma))`` (not the
    standard deviation). ``CCI = (tp[i] - sma) / (0.015 * mad)``; 0.0 when ``mad`` is 0.
    The first ``period - 1`` entries are ``nan``.

    >>> [round(x, 6) for x in cci([1.0, 2.0, 3.0], [1.0, 2.0, 3.0], [1.0, 2.0, 3.0], 3)]
    [nan, nan, 100.0]
    """
    tp = [(h + l + c) / 3.0 for h, l, c in zip(high, low, close)]
    out = []
    for i in range(len(tp)):
        if i < period - 1:
            out.append(math.nan)
            continue
        win = tp[i - period + 1 : i + 1]
        mean = sum(win) / period
        sd = math.sqrt(sum((x - mean) ** 2 for x in win) / period)
        out.append(0.0 if sd == 0 else (tp[i] - mean) / (0.015 * sd))
    return out
