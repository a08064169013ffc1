def ema(values: list[float], span: int) -> list[float]:
    """Exponential moving average, recursive form (pandas ``ewm(span, adjust=False)``).

    ``alpha = 2 / (span + 1)``; ``ema[0] = values[0]`` and
    ``ema[i] = alpha * values[i] + (1 - alpha) * ema[i - 1]``. There is no warm-up:
    every entry is a number. An empty input gives an empty list.

    >>> ema([1.0, 2.0, 3.0], 3)
    [1.0, 1.5, 2.25]
    """
