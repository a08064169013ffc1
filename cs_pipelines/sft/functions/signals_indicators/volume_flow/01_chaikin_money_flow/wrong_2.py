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
    flow = []
    for h, lo, c, v in zip(highs, lows, closes, volumes):
        flow.append((2 * c - h - lo) / (h - lo) * v if h != lo else 0.0)
    cmf = []
    for i in range(n):
        if i + 1 < window:
            cmf.append(float("nan"))
            continue
        vol = sum(volumes[: i + 1])
        cmf.append(sum(flow[: i + 1]) / vol if vol else 0.0)
    return cmf
