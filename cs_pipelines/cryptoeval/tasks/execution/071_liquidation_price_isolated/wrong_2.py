def liquidation_price_isolated(
    side: str, entry: float, leverage: float, maintenance_margin_rate: float
) -> float:
    mmr = maintenance_margin_rate
    if side in ("long", "short"):
        return entry * (1 - 1 / leverage) / (1 - mmr)
    raise ValueError(f"unknown side {side!r}")
