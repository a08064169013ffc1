def portfolio_weights(
    holdings: dict[str, float], prices: dict[str, float], cash: float
) -> dict[str, float]:
    values = {s: q * prices[s] for s, q in holdings.items()}
    total = sum(values.values())
    return {s: v / total for s, v in values.items()}
