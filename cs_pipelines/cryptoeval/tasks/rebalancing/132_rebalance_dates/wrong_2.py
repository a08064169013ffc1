def rebalance_dates(start_ms: int, end_ms: int, every_days: int) -> list[int]:
    day = 86_400_000
    t = -(-start_ms // day) * day
    out = []
    while t < end_ms:
        out.append(t)
        t += every_days * day
    return out
