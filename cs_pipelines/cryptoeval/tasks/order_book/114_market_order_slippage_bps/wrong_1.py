def market_order_slippage_bps(
    levels: list[tuple[float, float]], qty: float, side: str
) -> float:
    remaining = qty
    cost = 0.0
    for price, size in levels:
        take = min(size, remaining)
        cost += take * price
        remaining -= take
        if remaining <= 1e-12:
            break
    else:
        raise ValueError("insufficient depth")
    avg = cost / qty
    best = levels[0][0]
    return (avg - best) / best * 10_000.0
