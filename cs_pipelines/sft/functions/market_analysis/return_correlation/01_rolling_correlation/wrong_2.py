import math


def rolling_correlation(
    xs: list[float], ys: list[float], window: int
) -> list[float]:
    if len(xs) != len(ys):
        raise ValueError("series lengths differ")
    if window < 2:
        raise ValueError("window must be at least 2")
    out = []
    for end in range(len(xs)):
        if end < window:
            out.append(math.nan)
            continue
        wx = xs[end - window : end]
        wy = ys[end - window : end]
        cx = sum(wx) / window
        cy = sum(wy) / window
        sxy = sum((a - cx) * (b - cy) for a, b in zip(wx, wy))
        sxx = sum((a - cx) ** 2 for a in wx)
        syy = sum((b - cy) ** 2 for b in wy)
        if sxx == 0 or syy == 0:
            out.append(math.nan)
        else:
            out.append(sxy / math.sqrt(sxx * syy))
    return out
