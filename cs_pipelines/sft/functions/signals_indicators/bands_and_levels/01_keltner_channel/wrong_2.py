def keltner_channel(
    highs: list[float],
    lows: list[float],
    closes: list[float],
    ema_span: int = 20,
    atr_window: int = 10,
    multiplier: float = 2.0,
) -> tuple[list[float], list[float], list[float]]:
    if not len(highs) == len(lows) == len(closes):
        raise ValueError("price lists must line up bar for bar")
    if atr_window < 1:
        raise ValueError("atr_window must be positive")
    middle, ranges = [], []
    for i, (h, lo, c) in enumerate(zip(highs, lows, closes)):
        start = max(0, i - ema_span + 1)
        middle.append(sum(closes[start : i + 1]) / (i + 1 - start))
        if i == 0:
            ranges.append(h - lo)
        else:
            pc = closes[i - 1]
            ranges.append(max(h - lo, abs(h - pc), abs(lo - pc)))
    lower, upper = [], []
    for i, mid in enumerate(middle):
        if i < atr_window - 1:
            lower.append(float("nan"))
            upper.append(float("nan"))
            continue
        width = multiplier * sum(ranges[i - atr_window + 1 : i + 1]) / atr_window
        lower.append(mid - width)
        upper.append(mid + width)
    return lower, middle, upper
