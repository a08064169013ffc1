def post_only_price(
    side: str, price: float, best_bid: float, best_ask: float, tick: float
) -> float:
    if tick <= 0:
        raise ValueError("tick must be positive")
    if side == "buy":
        out = best_bid if price >= best_ask else price
    elif side == "sell":
        out = best_ask if price <= best_bid else price
    else:
        raise ValueError(f"bad side {side!r}")
    return round(out, 10)
