def weighted_mid_top_n(
    bids: list[tuple[float, float]], asks: list[tuple[float, float]], n: int
) -> float:
    if n < 1 or not bids or not asks:
        raise ValueError("need n >= 1 and two non-empty sides")

    def side_vwap(levels):
        top = levels[: n + 1]
        size = sum(q for _, q in top)
        return sum(p * q for p, q in top) / size

    return 0.5 * (side_vwap(bids) + side_vwap(asks))
