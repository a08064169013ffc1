def rolling_highest_high(highs: list[float], window: int) -> list[float]:
    """Highest high of the trailing ``window`` bars, current bar included.

    Output position ``i`` is ``max(highs[i - window + 1], ..., highs[i])``. While
    fewer than ``window`` bars exist (positions ``0 .. window - 2``) the output is
    ``float("nan")``, so the result is as long as ``highs``. A ``window`` below 1
    raises ``ValueError``.

    >>> rolling_highest_high([3, 1, 4, 1, 5], 3)
    [nan, nan, 4, 4, 5]
    """
    if window <= 0:
        raise ValueError(f"window has to be positive, got {window}")
    result = []
    for end in range(1, len(highs) + 1):
        if end < window:
            result.append(float("nan"))
        else:
            result.append(max(highs[end - window : end]))
    return result
