def asks_after_market_buy(
    asks: list[tuple[float, float]], qty: float
) -> list[tuple[float, float]]:
    left = qty
    book = []
    for px, size in asks:
        if left <= 0:
            book.append((px, size))
            continue
        taken = min(size, left)
        left -= taken
        rest = round(size - taken, 10)
        if rest > 0:
            book.append((px, rest))
    return book
