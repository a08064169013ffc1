def underwater_series(equity: list[float]) -> list[float]:
    """Drawdown of every point of an equity curve from its running peak.

    Entry ``t`` is ``equity[t] / max(equity[0..t]) - 1``: 0.0 at a new high and
    negative below it (-0.25 means 25% under the peak). Same length as the input.
    Raise ``ValueError`` if any equity value is not strictly positive.

    >>> underwater_series([100.0, 120.0, 90.0, 130.0, 117.0])
    [0.0, 0.0, -0.25, 0.0, -0.09999999999999998]
    """
    if any(v <= 0 for v in equity):
        raise ValueError("equity values must be positive")
    out = []
    high = 0.0
    for v in equity:
        if v > high:
            high = v
        out.append(v / high - 1.0)
    return out
