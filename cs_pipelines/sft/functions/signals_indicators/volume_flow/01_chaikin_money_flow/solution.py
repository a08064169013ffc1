def chaikin_money_flow(
    highs: list[float],
    lows: list[float],
    closes: list[float],
    volumes: list[float],
    window: int = 20,
) -> list[float]:
    """Chaikin money flow over a rolling window.

    Per bar, ``mfv = clv * volume`` with the close location value
    ``clv = (2 * close - high - low) / (high - low)`` (0.0 when ``high == low``).
    At bar ``i >= window - 1``: ``cmf = sum(mfv) / sum(volume)`` over bars
    ``i - window + 1 .. i``, or 0.0 if that volume sum is zero. Earlier bars are
    ``float("nan")``. Raise ``ValueError`` on unequal list lengths or
    ``window < 1``.

    >>> h, lo, c, v = [10, 12, 11], [8, 10, 9], [9.5, 10, 11], [100, 200, 50]
    >>> chaikin_money_flow(h, lo, c, v, 2)
    [nan, -0.5, -0.6]
    """
    n = len(closes)
    if any(len(x) != n for x in (highs, lows, volumes)):
        raise ValueError("highs, lows, closes and volumes differ in length")
    if window < 1:
        raise ValueError("window must count at least one bar")
    flow = []
    for h, lo, c, v in zip(highs, lows, closes, volumes):
        flow.append((2 * c - h - lo) / (h - lo) * v if h != lo else 0.0)
    cmf = []
    for i in range(n):
        if i + 1 < window:
            cmf.append(float("nan"))
            continue
        vol = sum(volumes[i + 1 - window : i + 1])
        cmf.append(sum(flow[i + 1 - window : i + 1]) / vol if vol else 0.0)
    return cmf
