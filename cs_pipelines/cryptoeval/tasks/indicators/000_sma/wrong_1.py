import math


def sma(values: list[float], window: int) -> list[float]:
    """Simple moving average of ``values`` over ``window`` bars.

    The result has the same length as ``values``. Index ``i`` holds the mean of
    ``values[i - window + 1 : i + 1]``; the first ``window - 1`` entries (warm-up)
    are ``float("nan")``. Raise ``ValueError`` if ``window < 1``.

    >>> sma([1.0, 2.0, 3.0, 4.0], 2)
    [nan, 1.5, 2.5, 3.5]
    """
    if window < 1:
        raise ValueError("window must be >= 1")
    out = []
    for i in range(len(values)):
        if i < window:
            out.append(math.nan)
        else:
            out.append(sum(values[i - window + 1 : i + 1]) / window)
    return out
