def walk_book_avg_price(levels: list[tuple[float, float]], qty: float) -> float:
    if qty <= 0:
        raise ValueError("qty must be positive")
    remaining = qty
    cost = 0.0
    for price, size in levels:
        take = min(size, remaining)
        cost += take * price
        remaining -= take
        if remaining <= 1e-12:
            break
    return cost / qty
