def band_breaches(
    values: dict[str, float],
    target_weights: dict[str, float],
    abs_band: float,
    rel_band: float,
) -> dict[str, bool]:
    worth = sum(values.values())
    if worth <= 0:
        raise ValueError("portfolio value must be positive")
    flags = {}
    for sym in sorted(set(values) | set(target_weights)):
        goal = target_weights.get(sym, 0.0)
        now = values.get(sym, 0.0) / worth
        flags[sym] = abs(now - goal) > abs_band
    return flags
