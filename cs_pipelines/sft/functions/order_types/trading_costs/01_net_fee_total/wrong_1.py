def net_fee_total(
    fills: list[tuple[float, float, bool]], maker_rate: float, taker_rate: float
) -> float:
    total = 0.0
    for px, size, provided in fills:
        total += px * size * (abs(maker_rate) if provided else taker_rate)
    return total
