def weighted_mid_top_n(
    bids: list[tuple[float, float]], asks: list[tuple[float, float]], n: int
) -> float:
    if n < 1 or not bids or not asks:
        raise ValueError("need n >= 1 and two non-empty sides")
    top_b = bids[:n]
    top_a = asks[:n]
    avg_b = sum(p for p, _ in top_b) / len(top_b)
    avg_a = sum(p for p, _ in top_a) / len(top_a)
    return 0.5 * (avg_b + avg_a)
