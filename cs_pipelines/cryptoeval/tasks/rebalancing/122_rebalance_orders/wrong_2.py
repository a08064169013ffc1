def rebalance_orders(
    holdings: dict[str, float],
    prices: dict[str, float],
    cash: float,
    target_weights: dict[str, float],
    min_notional: float,
) -> dict[str, float]:
    total = cash + sum(q * prices[s] for s, q in holdings.items())
    orders = {}
    for sym, w in target_weights.items():
        qty = (w * total - holdings.get(sym, 0.0) * prices[sym]) / prices[sym]
        if abs(qty) * prices[sym] >= min_notional:
            orders[sym] = qty
    return orders
