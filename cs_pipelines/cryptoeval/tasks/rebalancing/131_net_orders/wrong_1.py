def net_orders(a: dict[str, float], b: dict[str, float]) -> dict[str, float]:
    out = dict(a)
    out.update(b)
    return {s: q for s, q in out.items() if abs(q) >= 1e-12}
