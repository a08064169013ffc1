def liquidation_price_isolated(
    side: str, entry: float, leverage: float, maintenance_margin_rate: float
) -> float:
    mmr = maintenance_margin_rate
    if side == "long":
        return entry * (1 - 1 / leverage + mmr)
    if side == "short":
        return entry * (1 + 1 / leverage - mmr)
    raise ValueError(f"unknown side {side!r}")
