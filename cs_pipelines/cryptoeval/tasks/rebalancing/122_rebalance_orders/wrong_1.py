def rebalance_orders(
    holdings: dict[str, float],
    prices: dict[str, float],
    cash: float,
    target_weights: dict[str, float],
    min_notional: float,
) -> dict[str, float]:
    total = cash + sum(q * prices[s] for s, q in holdings.items())
    orders = {}
    for sym in sorted(set(holdings) | set(target_weights)):
        target_value = target_weights.get(sym, 0.0) * total
        current_value = holdings.get(sym, 0.0) * prices[sym]
        qty = (target_value - current_value) / prices[sym]
        if abs(qty) >= min_notional:
            orders[sym] = qty
    return orders
