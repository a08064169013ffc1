import math


def rate_of_change(values: list[float], period: int) -> list[float]:
    return [
        math.nan if i < period - 1 else 100.0 * (values[i] / values[i - period + 1] - 1.0)
        for i in range(len(values))
    ]
