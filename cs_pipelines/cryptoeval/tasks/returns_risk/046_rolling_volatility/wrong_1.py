import math


def rolling_volatility(daily_returns: list[float], window: int) -> list[float]:
    if window < 2:
        raise ValueError("window must be >= 2")
    out = []
    for i in range(len(daily_returns)):
        if i < window - 1:
            out.append(math.nan)
            continue
        win = daily_returns[i - window + 1 : i + 1]
        mean = sum(win) / window
        var = sum((x - mean) ** 2 for x in win) / (window - 1)
        out.append(math.sqrt(var * 252))
    return out
