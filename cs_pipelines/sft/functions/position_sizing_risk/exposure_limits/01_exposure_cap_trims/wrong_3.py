def exposure_cap_trims(
    notionals: dict[str, float], equity: float, cap: float
) -> dict[str, float]:
    if equity <= 0 or cap <= 0:
        raise ValueError("equity and cap must be positive")
    limit = cap * equity
    trims = {}
    for asset, value in notionals.items():
        if value > limit:
            trims[asset] = limit - value
    return trims
