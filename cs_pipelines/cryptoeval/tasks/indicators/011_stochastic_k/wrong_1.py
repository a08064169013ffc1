import math


def stochastic_k(
    high: list[float], low: list[float], close: list[float], period: int = 14
) -> list[float]:
    """Stochastic oscillator %K.

    ``%K[i] = 100 * (close[i] - LL) / (HH - LL)`` where ``HH``/``LL`` are the highest
    high and lowest low of bars ``i - period + 1 .. i`` (the current bar included).
    If ``HH == LL`` the value is 50. The first ``period - 1`` entries are ``nan``.

    >>> [round(x, 4) for x in stochastic_k([3, 4, 5], [1, 2, 3], [2, 4, 3], 2)]
    [nan, 100.0, 33.3333]
    """
    out = []
    for i in range(len(close)):
        if i < period:
            out.append(math.nan)
            continue
        hh = max(high[i - period : i])
        ll = min(low[i - period : i])
        out.append(50.0 if hh == ll else 100.0 * (close[i] - ll) / (hh - ll))
    return out
