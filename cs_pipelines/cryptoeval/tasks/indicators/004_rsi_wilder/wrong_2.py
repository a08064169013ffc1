import math


def rsi_wilder(closes: list[float], period: int = 14) -> list[float]:
    """Relative Strength Index with Wilder's smoothing.

    Let ``d[i] = closes[i] - closes[i - 1]`` for ``i >= 1``, gains ``max(d, 0)`` and
    losses ``max(-d, 0)``. At index ``period`` the average gain/loss are the simple
    means of the first ``period`` gains/losses (deltas 1..period). After that
    ``avg = (prev_avg * (period - 1) + current) / period``.
    ``RSI = 100 - 100 / (1 + avg_gain / avg_loss)``; if ``avg_loss == 0`` the RSI is
    100, or 50 when ``avg_gain`` is 0 too. Entries ``0 .. period - 1`` are ``nan``;
    the output has the same length as ``closes``.

    >>> rsi_wilder([1.0, 2.0, 3.0, 2.0, 3.0], 2)
    [nan, nan, 100.0, 50.0, 75.0]
    """
    out = [math.nan] * len(closes)
    if len(closes) <= period:
        return out
    alpha = 2.0 / (period + 1)
    gains = [max(closes[i] - closes[i - 1], 0.0) for i in range(1, len(closes))]
    losses = [max(closes[i - 1] - closes[i], 0.0) for i in range(1, len(closes))]
    avg_g = sum(gains[:period]) / period
    avg_l = sum(losses[:period]) / period
    for i in range(period, len(closes)):
        if i > period:
            avg_g = alpha * gains[i - 1] + (1 - alpha) * avg_g
            avg_l = alpha * losses[i - 1] + (1 - alpha) * avg_l
        if avg_l == 0:
            out[i] = 50.0 if avg_g == 0 else 100.0
        else:
            out[i] = 100.0 - 100.0 / (1.0 + avg_g / avg_l)
    return out
