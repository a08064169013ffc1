def rebalance_orders(
    holdings: dict[str, float],
    prices: dict[str, float],
    cash: float,
    target_weights: dict[str, float],
    min_notional: float,
) -> dict[str, float]:
    """Orders (signed coin quantities, buy > 0) that move the portfolio to target weights.

    Total value is ``cash + sum(qty * price)``. The target value of a coin is
    ``weight * total``; coins held but absent from ``target_weights`` have target 0
    (sell everything). Cash is whatever weight is left over and gets no order. Skip any
    order whose notional ``abs(qty) * price`` is below ``min_notional`` (the exchange
    would reject it).

    >>> orders = rebalance_orders({"BTC": 1.0}, {"BTC": 30_000.0, "SOL": 100.0}, 10_000.0,
    ...                           {"BTC": 0.5, "SOL": 0.25}, 10.0)
    >>> {sym: round(qty, 6) for sym, qty in orders.items()}
    {'BTC': -0.333333, 'SOL': 100.0}
    """
    total = cash + sum(q * prices[s] for s, q in holdings.items())
    orders = {}
    for sym in sorted(set(holdings) | set(target_weights)):
        target_value = target_weights.get(sym, 0.0) * total
        current_value = holdings.get(sym, 0.0) * prices[sym]
        qty = (target_value - current_value) / prices[sym]
        if abs(qty) >= min_notional:
            orders[sym] = qty
    return orders
