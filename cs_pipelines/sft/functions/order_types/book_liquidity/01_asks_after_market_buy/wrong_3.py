def asks_after_market_buy(
    asks: list[tuple[float, float]], qty: float
) -> list[tuple[float, float]]:
    if qty < 0 or qty > sum(size for _, size in asks) + 1e-12:
        raise ValueError("qty must be between 0 and the total ask size")
    if not asks:
        return []
    px, size = asks[0]
    rest = round(size - qty, 10)
    head = [(px, rest)] if rest > 0 else []
    return head + list(asks[1:])
