def directional_indicators(
    highs: list[float], lows: list[float], closes: list[float], window: int = 14
) -> tuple[list[float], list[float]]:
    """Wilder's +DI and -DI.

    For each bar ``i >= 1`` compute the true range
    ``max(high - low, abs(high - closes[i-1]), abs(low - closes[i-1]))`` and the
    directional movement (``up = highs[i] - highs[i-1]``,
    ``down = lows[i-1] - lows[i]``; ``+DM = up`` if ``up > down`` and ``up > 0``
    else 0; ``-DM = down`` if ``down > up`` and ``down > 0`` else 0). Each of the
    three series is Wilder-smoothed: at bar ``window`` the smoothed value is the
    plain sum over bars ``1 .. window``, afterwards ``S = S - S / window + x``.
    ``+DI = 100 * S(+DM) / S(TR)`` and ``-DI = 100 * S(-DM) / S(TR)`` (0.0 when
    ``S(TR) == 0``). Bars before ``window`` are ``float("nan")``. Return
    ``(plus_di, minus_di)``; raise ``ValueError`` on unequal lengths or
    ``window < 1``.

    >>> p, m = directional_indicators([10, 12, 11], [8, 9, 7], [9, 11, 8], 2)
    >>> [round(x, 2) for x in p], [round(x, 2) for x in m]
    ([nan, nan, 28.57], [nan, nan, 28.57])
    """
    n = len(closes)
    if len(highs) != n or len(lows) != n:
        raise ValueError("highs, lows and closes must be the same length")
    if window < 1:
        raise ValueError("smoothing window must be >= 1")
    plus_di = [float("nan")] * n
    minus_di = [float("nan")] * n
    s_tr = s_plus = s_minus = 0.0
    for i in range(1, n):
        tr = highs[i] - lows[i]
        up = highs[i] - highs[i - 1]
        down = lows[i - 1] - lows[i]
        pdm = up if up > down and up > 0 else 0.0
        mdm = down if down > up and down > 0 else 0.0
        if i <= window:
            s_tr, s_plus, s_minus = s_tr + tr, s_plus + pdm, s_minus + mdm
        else:
            s_tr += tr - s_tr / window
            s_plus += pdm - s_plus / window
            s_minus += mdm - s_minus / window
        if i >= window:
            plus_di[i] = 100.0 * s_plus / s_tr if s_tr else 0.0
            minus_di[i] = 100.0 * s_minus / s_tr if s_tr else 0.0
    return plus_di, minus_di
