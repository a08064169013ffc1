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
    trs, pdms, mdms = [0.0], [0.0], [0.0]
    for i in range(1, n):
        pc = closes[i - 1]
        trs.append(max(highs[i] - lows[i], abs(highs[i] - pc), abs(lows[i] - pc)))
        up = highs[i] - highs[i - 1]
        down = lows[i - 1] - lows[i]
        pdms.append(up if up > down and up > 0 else 0.0)
        mdms.append(down if down > up and down > 0 else 0.0)
        if i >= window:
            s_tr = sum(trs[i - window + 1 : i + 1])
            s_plus = sum(pdms[i - window + 1 : i + 1])
            s_minus = sum(mdms[i - window + 1 : i + 1])
            plus_di[i] = 100.0 * s_plus / s_tr if s_tr else 0.0
            minus_di[i] = 100.0 * s_minus / s_tr if s_tr else 0.0
    return plus_di, minus_di
