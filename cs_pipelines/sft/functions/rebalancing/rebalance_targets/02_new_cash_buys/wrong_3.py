def new_cash_buys(
    values: dict[str, float], target_weights: dict[str, float], new_cash: float
) -> dict[str, float]:
    if new_cash < 0:
        raise ValueError("new_cash must be non-negative")
    if abs(sum(target_weights.values()) - 1.0) > 1e-9:
        raise ValueError("target weights must sum to 1")
    names = sorted(set(values) | set(target_weights))
    total = sum(values.values()) + new_cash
    return {
        s: max(0.0, target_weights.get(s, 0.0) * total - values.get(s, 0.0))
        for s in names
    }
