def fund_buys(
    cash: float, sells: dict[str, float], buys: dict[str, float], fee_rate: float
) -> dict[str, float]:
    available = cash + sum(sells.values()) * (1.0 - fee_rate)
    cost = sum(buys.values())
    if cost <= available:
        return dict(buys)
    factor = available / cost
    return {s: v * factor for s, v in buys.items()}
