def walk_book_avg_price(levels: list[tuple[float, float]], qty: float) -> float:
    if qty <= 0:
        raise ValueError("qty must be positive")
    remaining = qty
    touched = []
    for price, size in levels:
        touched.append(price)
        remaining -= min(size, remaining)
        if remaining <= 1e-12:
            return sum(touched) / len(touched)
    raise ValueError("insufficient depth")
