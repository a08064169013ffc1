def fee_tier(
    volume_30d: float, tiers: list[tuple[float, float, float]]
) -> tuple[float, float]:
    maker, taker = tiers[0][1], tiers[0][2]
    for min_volume, m, t in tiers:
        if volume_30d > min_volume:
            maker, taker = m, t
    return maker, taker
