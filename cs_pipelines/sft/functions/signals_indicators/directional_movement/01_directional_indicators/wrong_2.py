def directional_indicators(
    highs: list[float], lows: list[float], closes: list[float], window: int = 14
) -> tuple[list[float], list[float]]:
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
