import math


def wma(values: list[float], window: int) -> list[float]:
    denom = window * (window + 1) / 2
    out = []
    for i in range(len(values)):
        if i < window - 1:
            out.append(math.nan)
            continue
        win = values[i - window + 1 : i + 1]
        out.append(sum((window - k) * v for k, v in enumerate(win)) / denom)
    return out
