def true_range(high: list[float], low: list[float], close: list[float]) -> list[float]:
    out = []
    for i in range(len(high)):
        hl = high[i] - low[i]
        out.append(max(hl, abs(high[i] - close[i]), abs(low[i] - close[i])))
    return out
