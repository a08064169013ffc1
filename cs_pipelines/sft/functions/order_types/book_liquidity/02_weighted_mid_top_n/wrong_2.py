def weighted_mid_top_n(
    bids: list[tuple[float, float]], asks: list[tuple[float, float]], n: int
) -> float:
    if n < 1 or not bids or not asks:
        raise ValueError("need n >= 1 and two non-empty sides")
    both = bids[:n] + asks[:n]
    return sum(p * q for p, q in both) / sum(q for _, q in both)
