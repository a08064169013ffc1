import math


def hull_moving_average(values: list[float], window: int) -> list[float]:
    if window < 2:
        raise ValueError("the Hull average needs window >= 2")

    def lw(series, k):
        smoothed = []
        for i in range(len(series)):
            chunk = series[i - k + 1 : i + 1] if i >= k - 1 else []
            if not chunk or any(math.isnan(x) for x in chunk):
                smoothed.append(math.nan)
            else:
                smoothed.append(sum(chunk) / k)
        return smoothed

    fast = lw(values, window // 2)
    slow = lw(values, window)
    raw = [2 * f - s for f, s in zip(fast, slow)]
    return lw(raw, int(math.sqrt(window)))
