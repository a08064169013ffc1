def average_directional_index(
    highs: list[float], lows: list[float], closes: list[float], window: int = 14
) -> list[float]:
    n = len(closes)
    if len(highs) != n or len(lows) != n:
        raise ValueError("highs, lows and closes must be the same length")
    if window < 1:
        raise ValueError("ADX window must be >= 1")
    adx = [float("nan")] * n
    s_tr = s_plus = s_minus = 0.0
    dxs = []
    for i in range(1, n):
        pc = closes[i - 1]
        tr = max(highs[i] - lows[i], abs(highs[i] - pc), abs(lows[i] - pc))
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
        if i < window:
            continue
        pdi = 100.0 * s_plus / s_tr if s_tr else 0.0
        mdi = 100.0 * s_minus / s_tr if s_tr else 0.0
        dxs.append(100.0 * abs(pdi - mdi) / (pdi + mdi) if pdi + mdi else 0.0)
        if len(dxs) >= window:
            adx[i] = sum(dxs[-window:]) / window
    return adx
