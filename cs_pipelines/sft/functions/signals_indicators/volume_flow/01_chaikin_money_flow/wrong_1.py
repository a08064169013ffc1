def chaikin_money_flow(
    highs: list[float],
    lows: list[float],
    closes: list[float],
    volumes: list[float],
    window: int = 20,
) -> list[float]:
    n = len(closes)
    if any(len(x) != n for x in (highs, lows, volumes)):
        raise ValueError("highs, lows, closes and volumes differ in length")
    if window < 1:
        raise ValueError("window must count at least one bar")
    clvs = []
    for h, lo, c in zip(highs, lows, closes):
        clvs.append((2 * c - h - lo) / (h - lo) if h != lo else 0.0)
    cmf = []
    for i in range(n):
        if i + 1 < window:
            cmf.append(float("nan"))
            continue
        cmf.append(sum(clvs[i + 1 - window : i + 1]) / window)
    return cmf
