def ema_adjusted(values: list[float], span: int) -> list[float]:
    """EMA with bias-corrected weights (pandas ``ewm(span, adjust=True).mean()``).

    With ``alpha = 2 / (span + 1)`` and ``w = 1 - alpha``, entry ``t`` is
    ``sum(w**k * values[t - k] for k in 0..t) / sum(w**k for k in 0..t)``.
    No warm-up: every entry is a number.

    >>> [round(x, 6) for x in ema_adjusted([1.0, 2.0, 3.0], 3)]
    [1.0, 1.666667, 2.428571]
    """
