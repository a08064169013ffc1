def leverage_capped_quantity(
    desired_qty: float,
    price: float,
    equity: float,
    max_leverage: float,
    existing_notional: float = 0.0,
) -> float:
    if price <= 0 or equity <= 0 or max_leverage <= 0:
        raise ValueError("price, equity and max_leverage must be positive")
    room = max_leverage * equity
    return min(desired_qty, room / price)
