def liquidation_price_from_margin(
    side: str, entry: float, qty: float, margin: float, maintenance_margin_rate: float
) -> float:
    mmr = maintenance_margin_rate
    if side == "long":
        return max((entry - margin) / (1 - mmr), 0.0)
    return (margin + entry) / (1 + mmr)
