def detrended_price_oscillator(closes: list[float], window: int) -> list[float]:
    """Detrended Price Oscillator (DPO), the non-centred variant.

    With ``shift = window // 2 + 1`` and ``avg[i]`` the simple mean of
    ``closes[i - window + 1 .. i]``, the value at bar ``i`` is
    ``closes[i - shift] - avg[i]``: a past close compared with the current
    average. Any bar where the average or the shifted close does not exist yet
    (``i < window - 1`` or ``i < shift``) is ``float("nan")``. Raise
    ``ValueError`` if ``window < 2``.

    >>> detrended_price_oscillator([1.0, 2.0, 4.0, 7.0], 2)
    [nan, nan, -2.0, -3.5]
    """
