def fund_buys(
    cash: float, sells: dict[str, float], buys: dict[str, float], fee_rate: float
) -> dict[str, float]:
    """Scale buy notionals so a sell-then-buy rebalance never overdraws cash.

    ``sells`` and ``buys`` map symbols to quote notionals. Available funds are
    ``cash + sum(sells) * (1 - fee_rate)`` (sell fees reduce proceeds); buying costs
    ``sum(buys) * (1 + fee_rate)``. If the cost fits, return ``buys`` unchanged (as a new
    dict); otherwise scale every buy by ``available / cost``.

    >>> fund_buys(100.0, {"ETH": 500.0}, {"BTC": 400.0, "SOL": 200.0}, 0.0)
    {'BTC': 400.0, 'SOL': 200.0}
    """
    available = cash + sum(sells.values()) * (1.0 - fee_rate)
    cost = sum(buys.values()) * (1.0 + fee_rate)
    if cost <= available:
        return dict(buys)
    factor = available / cost
    return {s: v * factor for s, v in buys.items()}
