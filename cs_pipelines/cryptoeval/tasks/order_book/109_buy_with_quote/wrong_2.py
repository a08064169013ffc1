def buy_with_quote(asks: list[tuple[float, float]], quote_amount: float) -> float:
    remaining = quote_amount
    base = 0.0
    for price, size in asks:
        level_cost = price * size
        if level_cost >= remaining:
            return base + remaining / price
        base += level_cost / asks[0][0]
        remaining -= level_cost
    raise ValueError("insufficient depth")
