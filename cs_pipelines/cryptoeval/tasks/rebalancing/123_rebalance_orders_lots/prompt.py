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
