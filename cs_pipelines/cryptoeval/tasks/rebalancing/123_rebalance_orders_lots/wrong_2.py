import math


def rebalance_orders_lots(
    holdings: dict[str, float],
    prices: dict[str, float],
    cash: float,
    target_weights: dict[str, float],
    lot_steps: dict[str, float],
    min_notional: float,
) -> dict[str, float]:
    total = cash + sum(q * prices[s] for s, q in holdings.items())
    orders = {}
    for sym in sorted(set(holdings) | set(target_weights)):
        raw = (target_weights.get(sym, 0.0) * total - holdings.get(sym, 0.0) * prices[sym])
        raw /= prices[sym]
        if abs(raw) * prices[sym] < min_notional:
            continue
        step = lot_steps[sym]
        qty = round(math.copysign(math.floor(abs(raw) / step + 1e-9) * step, raw), 10)
        if qty != 0:
            orders[sym] = qty
    return orders
