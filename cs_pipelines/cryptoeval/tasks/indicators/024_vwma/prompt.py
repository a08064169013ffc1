import math


def vwma(close: list[float], volume: list[float], window: int) -> list[float]:
    """Volume-weighted moving average over ``window`` bars:
    ``sum(close * volume) / sum(volume)``. The first ``window - 1`` entries are ``nan``,
    and so is any window with zero total volume.

    >>> vwma([10.0, 20.0, 30.0], [1.0, 3.0, 0.0], 2)
    [nan, 17.5, 20.0]
    """
