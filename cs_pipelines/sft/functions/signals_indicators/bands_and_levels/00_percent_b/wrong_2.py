import math


def percent_b(
    closes: list[float], window: int, num_std: float = 2.0
) -> list[float]:
    if window < 1:
        raise ValueError("window should be 1 or larger")
    pb = []
    for i, close in enumerate(closes):
        if i < window - 1:
            pb.append(math.nan)
            continue
        recent = closes[i - window + 1 : i + 1]
        m = sum(recent) / window
        sd = math.sqrt(sum((x - m) ** 2 for x in recent) / window)
        upper = m + num_std * sd
        pb.append(0.5 if sd == 0 else (close - (m - num_std * sd)) / upper)
    return pb
