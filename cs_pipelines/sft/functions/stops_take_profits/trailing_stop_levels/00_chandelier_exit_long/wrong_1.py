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
    ranges = [hi - lo for hi, lo in zip(highs, lows)]
    levels = []
    for t in range(len(highs)):
        if t < period - 1:
            levels.append(math.nan)
            continue
        first = t - period + 1
        avg_range = sum(ranges[first : t + 1]) / period
        levels.append(max(highs[first : t + 1]) - multiple * avg_range)
    return levels
