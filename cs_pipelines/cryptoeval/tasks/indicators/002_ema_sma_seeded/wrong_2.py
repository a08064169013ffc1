import math


def ema_sma_seeded(values: list[float], period: int) -> list[float]:
    """EMA seeded with a simple average (the classic TA-Lib convention).

    ``alpha = 2 / (period + 1)``. Entries ``0 .. period - 2`` are ``nan`` (warm-up);
    entry ``period - 1`` is the mean of the first ``period`` values; after that
    ``ema[i] = alpha * values[i] + (1 - alpha) * ema[i - 1]``. If there are fewer than
    ``period`` values every entry is ``nan``.

    >>> ema_sma_seeded([1.0, 2.0, 3.0, 4.0], 3)
    [nan, nan, 2.0, 3.0]
    """
    alpha = 2.0 / (period + 1)
    out = [math.nan] * len(values)
    if len(values) <= period:
        return out
    prev = sum(values[:period]) / period
    out[period] = prev
    for i in range(period + 1, len(values)):
        prev = alpha * values[i] + (1 - alpha) * prev
        out[i] = prev
    return out
