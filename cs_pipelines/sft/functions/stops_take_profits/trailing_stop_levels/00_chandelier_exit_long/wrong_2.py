import math


def chandelier_exit_long(
    highs: list[float],
    lows: list[float],
    closes: list[float],
    period: int,
    multiple: float = 3.0,
) -> list[float]:
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
