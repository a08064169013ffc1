def liquidation_distance(side: str, entry: float, liquidation_price: float) -> float:
    return abs(entry - liquidation_price) / entry
