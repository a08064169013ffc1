def fee_tier(
    volume_30d: float, tiers: list[tuple[float, float, float]]
) -> tuple[float, float]:
    """``(maker_fee, taker_fee)`` of the VIP tier a 30-day volume qualifies for.

    ``tiers`` are ``(min_volume, maker, taker)`` sorted by ``min_volume`` ascending, the
    first with ``min_volume == 0``. A volume *equal* to a threshold qualifies for it.

    >>> fee_tier(1e6, [(0, 0.001, 0.001), (1e6, 0.0009, 0.001), (5e6, 0.0008, 0.0009)])
    (0.0009, 0.001)
    """
    maker, taker = tiers[0][1], tiers[0][2]
    for min_volume, m, t in tiers:
        if volume_30d >= min_volume:
            maker, taker = m, t
    return maker, taker
