import math


def rolling_zscore(values: list[float], window: int) -> list[float]:
    if window < 2:
        raise ValueError("window must be >= 2")
    out = []
    for i in range(len(values)):
        if i < window - 1:
            out.append(math.nan)
            continue
        win = values[i - window + 1 : i + 1]
        mean = sum(win) / window
        sd = math.sqrt(sum((x - mean) ** 2 for x in win) / window)
        out.append(math.nan if sd == 0 else (values[i] - mean) / sd)
    return out
