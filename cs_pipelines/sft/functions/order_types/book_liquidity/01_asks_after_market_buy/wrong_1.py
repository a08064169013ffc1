def asks_after_market_buy(
    asks: list[tuple[float, float]], qty: float
) -> list[tuple[float, float]]:
    if qty < 0 or qty > sum(size for _, size in asks) + 1e-12:
        raise ValueError("qty must be between 0 and the total ask size")
    left = qty
    book = []
    for px, size in asks:
        if left <= 0:
            book.append((px, size))
            continue
        taken = min(size, left)
        left -= taken
        if taken < size or left <= 0:
            book.append((px, round(size - taken, 10)))
    return book
