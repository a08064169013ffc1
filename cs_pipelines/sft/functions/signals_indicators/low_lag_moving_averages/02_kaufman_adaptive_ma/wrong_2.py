def kaufman_adaptive_ma(
    closes: list[float], window: int = 10, fast: int = 2, slow: int = 30
) -> list[float]:
    if min(window, fast, slow) < 1:
        raise ValueError("window, fast and slow must all be >= 1")
    f = 2.0 / (fast + 1)
    s = 2.0 / (slow + 1)
    line = [float("nan")] * min(window - 1, len(closes))
    if len(closes) < window:
        return line
    line.append(sum(closes[:window]) / window)
    for i in range(window, len(closes)):
        net = abs(closes[i] - closes[i - window])
        steps = zip(closes[i - window : i], closes[i - window + 1 : i + 1])
        noise = sum(abs(y - x) for x, y in steps)
        er = net / noise if noise else 0.0
        sc = (er * (f - s) + s) ** 2
        line.append(line[-1] + sc * (closes[i] - line[-1]))
    return line
