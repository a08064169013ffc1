def target_quantities(
    equity: float,
    weights: dict[str, float],
    prices: dict[str, float],
    cash_buffer: float,
) -> dict[str, float]:
    if not 0 <= cash_buffer < 1:
        raise ValueError("cash_buffer must lie in [0, 1)")
    if any(w < 0 for w in weights.values()) or sum(weights.values()) > 1 + 1e-9:
        raise ValueError("weights must be non-negative and sum to at most 1")
    investable = equity * (1.0 - cash_buffer)
    return {sym: investable * weights.get(sym, 0.0) / p for sym, p in prices.items()}
