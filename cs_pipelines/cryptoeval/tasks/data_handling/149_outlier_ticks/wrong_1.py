from statistics import median


def outlier_ticks(prices: list[float], window: int, threshold: float) -> list[int]:
    """Indices of suspicious prints: for ``i >= window``, flag ``i`` when
    ``abs(prices[i] / median(prices[i - window : i]) - 1) > threshold``. The reference
    median uses only *earlier* prices (the tick under test must not vote for itself)
    and is a median, not a mean, so one bad print cannot drag it.

    >>> outlier_ticks([100, 101, 99, 100, 150, 100, 101], 3, 0.1)
    [4]
    """
    return [
        i
        for i in range(window, len(prices))
        if abs(prices[i] / (sum(prices[i - window : i]) / window) - 1) > threshold
    ]
