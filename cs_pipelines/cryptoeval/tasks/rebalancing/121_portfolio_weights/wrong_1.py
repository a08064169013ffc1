def portfolio_weights(
    holdings: dict[str, float], prices: dict[str, float], cash: float
) -> dict[str, float]:
    total = cash + sum(holdings.values())
    return {s: q / total for s, q in holdings.items()}
