from statistics import median


def outlier_ticks(prices: list[float], window: int, threshold: float) -> list[int]:
    return [
        i
        for i in range(window, len(prices))
        if abs(prices[i] / median(prices[i - window + 1 : i + 1]) - 1) > threshold
    ]
