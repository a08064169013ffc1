import math


def chandelier_exit_long(
    highs: list[float],
    lows: list[float],
    closes: list[float],
    period: int,
    multiple: float = 3.0,
) -> list[float]:
    """Chandelier exit for long positions: highest high minus a multiple of ATR.

    True range of bar 0 is ``highs[0] - lows[0]``; for ``t >= 1`` it is the
    largest of ``high - low``, ``|high - previous close|`` and
    ``|low - previous close|``. ATR at bar ``t`` is the plain average of the last
    ``period`` true ranges, and the level is
    ``max(highs[t - period + 1 : t + 1]) - multiple * ATR``. The first
    ``period - 1`` entries are ``math.nan``. Raise ``ValueError`` if the lists
    differ in length or ``period < 1``.

    >>> highs, lows = [10, 12, 11, 13], [9, 10, 9, 11]
    >>> chandelier_exit_long(highs, lows, [9.5, 11, 10, 12.5], 2, 1.0)
    [nan, 10.25, 9.75, 10.5]
    """
    if not len(highs) == len(lows) == len(closes):
        raise ValueError("highs, lows and closes must align")
    if period < 1:
        raise ValueError("period must be positive")
    ranges = []
    for t, (hi, lo) in enumerate(zip(highs, lows)):
        if t == 0:
            ranges.append(hi - lo)
        else:
            pc = closes[t - 1]
            ranges.append(max(hi - lo, abs(hi - pc), abs(lo - pc)))
    levels = []
    for t in range(len(highs)):
        if t < period - 1:
            levels.append(math.nan)
            continue
        first = t - period + 1
        avg_range = sum(ranges[first : t + 1]) / period
        levels.append(max(closes[first : t + 1]) - multiple * avg_range)
    return levels
