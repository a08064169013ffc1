def fund_buys(
    cash: float, sells: dict[str, float], buys: dict[str, float], fee_rate: float
) -> dict[str, float]:
    available = cash + sum(sells.values())
    cost = sum(buys.values()) * (1.0 + fee_rate)
    if cost <= available:
        return dict(buys)
    factor = available / cost
    return {s: v * factor for s, v in buys.items()}
