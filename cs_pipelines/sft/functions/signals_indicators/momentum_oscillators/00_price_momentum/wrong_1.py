def price_momentum(closes: list[float], lag: int) -> list[float]:
    """Absolute momentum: the close minus the close ``lag`` bars earlier.

    Output position ``i`` is ``closes[i] - closes[i - lag]`` (a price difference,
    not a percentage). The first ``lag`` positions have no earlier close and hold
    ``float("nan")``. A ``lag`` smaller than 1 raises ``ValueError``.

    >>> price_momentum([10.0, 11.0, 13.0, 12.0], 2)
    [nan, nan, 3.0, 1.0]
    """
    if lag < 1:
        raise ValueError("lag must be a positive bar count")
    diffs = [float("nan")] * min(lag, len(closes))
    diffs.extend(closes[i] / closes[i - lag] - 1 for i in range(lag, len(closes)))
    return diffs
