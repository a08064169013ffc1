def exposure_cap_trims(
    notionals: dict[str, float], equity: float, cap: float
) -> dict[str, float]:
    if equity <= 0 or cap <= 0:
        raise ValueError("equity and cap must be positive")
    limit = cap * equity
    trims = {}
    for asset, value in notionals.items():
        if abs(value) >= limit:
            target = limit if value > 0 else -limit
            trims[asset] = target - value
    return trims
