def level_cross_up_bars(prices: list[float], level: float) -> list[int]:
    return [
        i
        for i in range(1, len(prices))
        if prices[i - 1] < level < prices[i]
    ]
