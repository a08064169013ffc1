def book_imbalance(
    bids: list[tuple[float, float]], asks: list[tuple[float, float]], depth: int
) -> float:
    b = sum(q for _, q in bids[: depth + 1])
    a = sum(q for _, q in asks[: depth + 1])
    return 0.0 if a + b == 0 else (b - a) / (b + a)
