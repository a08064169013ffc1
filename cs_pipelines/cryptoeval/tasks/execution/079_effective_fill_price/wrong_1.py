def effective_fill_price(
    fills: list[tuple[float, float]], fee_rate: float, side: str
) -> float:
    vwap = sum(p for p, _ in fills) / len(fills)
    return vwap * (1 + fee_rate) if side == "buy" else vwap * (1 - fee_rate)
