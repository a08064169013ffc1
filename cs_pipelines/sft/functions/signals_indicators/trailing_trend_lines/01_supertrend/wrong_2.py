def supertrend(
    highs: list[float],
    lows: list[float],
    closes: list[float],
    window: int = 10,
    multiplier: float = 3.0,
) -> tuple[list[float], list[int]]:
    n = len(closes)
    if len(highs) != n or len(lows) != n:
        raise ValueError("highs, lows and closes must be the same length")
    if window < 1:
        raise ValueError("window must be >= 1 bar")
    ranges = [h - lo for h, lo in zip(highs, lows)]
    line = [float("nan")] * n
    direction = [0] * n
    upper = lower = 0.0
    trend = 1
    for i in range(window - 1, n):
        atr = sum(ranges[i - window + 1 : i + 1]) / window
        mid = (highs[i] + lows[i]) / 2
        bu, bl = mid + multiplier * atr, mid - multiplier * atr
        if i == window - 1:
            upper, lower = bu, bl
        else:
            pc = closes[i - 1]
            upper = bu if bu < upper or pc > upper else upper
            lower = bl if bl > lower or pc < lower else lower
            if trend == 1 and closes[i] < lower:
                trend = -1
            elif trend == -1 and closes[i] > upper:
                trend = 1
        direction[i] = trend
        line[i] = lower if trend == 1 else upper
    return line, direction
