def is_crossed(bids: list[tuple[float, float]], asks: list[tuple[float, float]]) -> bool:
    if not bids or not asks:
        return False
    return bids[-1][0] >= asks[-1][0]
