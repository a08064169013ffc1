def net_orders(a: dict[str, float], b: dict[str, float]) -> dict[str, float]:
    """Net two strategies' orders (signed coin quantities) per symbol before sending them,
    so opposite orders cross internally. Drop symbols that net to zero
    (``abs(q) < 1e-12``).

    >>> net_orders({"BTC": 0.5, "ETH": -2.0}, {"BTC": -0.5, "SOL": 10.0})
    {'ETH': -2.0, 'SOL': 10.0}
    """
    out = {}
    for orders in (a, b):
        for sym, q in orders.items():
            out[sym] = out.get(sym, 0.0) + q
    return out
