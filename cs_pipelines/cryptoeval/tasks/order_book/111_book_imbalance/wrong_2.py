def book_imbalance(
    bids: list[tuple[float, float]], asks: list[tuple[float, float]], depth: int
) -> float:
    b = sum(p * q for p, q in bids[:depth])
    a = sum(p * q for p, q in asks[:depth])
    return 0.0 if a + b == 0 else (b - a) / (b + a)
