def liquidation_distance(side: str, entry: float, liquidation_price: float) -> float:
    if side == "long":
        return (entry - liquidation_price) / liquidation_price
    return (liquidation_price - entry) / liquidation_price
