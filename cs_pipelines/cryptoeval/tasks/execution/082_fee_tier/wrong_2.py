def fee_tier(
    volume_30d: float, tiers: list[tuple[float, float, float]]
) -> tuple[float, float]:
    for min_volume, m, t in tiers:
        if volume_30d >= min_volume:
            return m, t
    return tiers[-1][1], tiers[-1][2]
