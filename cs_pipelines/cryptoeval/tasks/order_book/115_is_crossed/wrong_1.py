def is_crossed(bids: list[tuple[float, float]], asks: list[tuple[float, float]]) -> bool:
    if not bids or not asks:
        return False
    return bids[0][0] > asks[0][0]
