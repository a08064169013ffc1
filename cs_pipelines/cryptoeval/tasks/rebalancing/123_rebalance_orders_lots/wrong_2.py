import math


def rebalance_orders_lots(
    holdings: dict[str, float],
    prices: dict[str, float],
    cash: float,
    target_weights: dict[str, float],
    lot_steps: dict[str, float],
    min_notional: float,
) -> dict[str, float]:
    """Rebalancing orders rounded to each coin's lot step.

    Raw quantities as in a plain rebalance (total = cash + holdings value; untargeted
    holdings go to 0). Round every raw quantity *toward zero* to a multiple of its lot
    step: ``sign * math.floor(abs(q) / step + 1e-9) * step``, then ``round(x, 10)``, so no
    order overshoots the target or the available cash. Check ``min_notional`` *after*
    rounding and drop orders that are 0 or below it.

    >>> rebalance_orders_lots({"BTC": 0.5}, {"BTC": 30_000.0, "ETH": 2_000.0}, 5_000.0,
    ...                       {"BTC": 0.5, "ETH": 0.3}, {"BTC": 0.001, "ETH": 0.01}, 10.0)
    {'BTC': -0.166, 'ETH': 3.0}
    """
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
