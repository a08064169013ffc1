import math


def mid_price(bids: list[tuple[float, float]], asks: list[tuple[float, float]]) -> float:
    if not bids or not asks:
        return math.nan
    return (bids[0][0] * bids[0][1] + asks[0][0] * asks[0][1]) / (bids[0][1] + asks[0][1])
