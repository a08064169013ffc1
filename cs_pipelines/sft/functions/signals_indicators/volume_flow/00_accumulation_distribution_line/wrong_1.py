def accumulation_distribution_line(
    highs: list[float], lows: list[float], closes: list[float], volumes: list[float]
) -> list[float]:
    """Accumulation/distribution line: running total of money-flow volume.

    Each bar's close location is ``clv = ((close - low) - (high - close)) /
    (high - low)``, taken as 0.0 for a bar with ``high == low``. The bar adds
    ``clv * volume`` to the running total, and the output holds the total after
    every bar (no warm-up). Raise ``ValueError`` if the four lists are not all the
    same length.

    >>> accumulation_distribution_line([10, 12], [8, 10], [9.5, 10], [100, 200])
    [50.0, -150.0]
    """
    if not len(highs) == len(lows) == len(closes) == len(volumes):
        raise ValueError("all input series need the same number of bars")
    line = []
    running = 0.0
    for h, lo, c, v in zip(highs, lows, closes, volumes):
        spread = h - lo
        clv = (c - lo) / spread if spread else 0.0
        running += clv * v
        line.append(running)
    return line
