def obv(close: list[float], volume: list[float]) -> list[float]:
    """On-balance volume.

    ``obv[0] = 0``. For ``i >= 1`` add ``volume[i]`` when ``close[i] > close[i-1]``,
    subtract it when ``close[i] < close[i-1]``, and leave OBV unchanged when equal.

    >>> obv([10, 11, 11, 10, 12], [100, 200, 300, 400, 500])
    [0, 200, 200, -200, 300]
    """
