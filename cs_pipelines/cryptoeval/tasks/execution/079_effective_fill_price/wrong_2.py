def effective_fill_price(
    fills: list[tuple[float, float]], fee_rate: float, side: str
) -> float:
    qty = sum(q for _, q in fills)
    vwap = sum(p * q for p, q in fills) / qty
    return vwap * (1 + fee_rate)
