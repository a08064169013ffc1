def liquidation_price_from_margin(
    side: str, entry: float, qty: float, margin: float, maintenance_margin_rate: float
) -> float:
    if side == "long":
        return max((qty * entry - margin) / qty, 0.0)
    return (margin + qty * entry) / qty
