def level_cross_up_bars(prices: list[float], level: float) -> list[int]:
    return [
        i
        for i in range(len(prices))
        if (i == 0 or prices[i - 1] <= level) and prices[i] > level
    ]
