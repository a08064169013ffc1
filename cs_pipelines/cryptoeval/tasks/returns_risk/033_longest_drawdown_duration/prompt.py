def longest_drawdown_duration(equity: list[float]) -> int:
    """Length, in bars, of the longest underwater stretch of an equity curve.

    A bar is underwater when its value is strictly below the running peak of all earlier
    values (equal to the peak counts as recovered). Return the largest number of
    consecutive underwater bars; a stretch still open at the end counts.

    >>> longest_drawdown_duration([100, 90, 95, 100, 99, 98, 97, 101])
    3
    """
