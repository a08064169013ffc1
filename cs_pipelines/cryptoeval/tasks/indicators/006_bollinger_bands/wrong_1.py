import math


def bollinger_bands(
    values: list[float], window: int = 20, k: float = 2.0
) -> tuple[list[float], list[float], list[float]]:
    lower, middle, upper = [], [], []
    for i in range(len(values)):
        if i < window - 1:
            lower.append(math.nan)
            middle.append(math.nan)
            upper.append(math.nan)
            continue
        win = values[i - window + 1 : i + 1]
        mean = sum(win) / window
        sd = math.sqrt(sum((x - mean) ** 2 for x in win) / (window - 1))
        lower.append(mean - k * sd)
        middle.append(mean)
        upper.append(mean + k * sd)
    return lower, middle, upper
