def net_orders(a: dict[str, float], b: dict[str, float]) -> dict[str, float]:
    out = {}
    for orders in (a, b):
        for sym, q in orders.items():
            out[sym] = out.get(sym, 0.0) + q
    return out
