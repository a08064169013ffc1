def threshold_rebalance_backtest(
    prices: list[dict[str, float]],
    target: dict[str, float],
    initial_value: float,
    threshold: float,
) -> tuple[float, int]:
    units = {s: w * initial_value / prices[0][s] for s, w in target.items()}
    n = 0
    for p in prices[1:]:
        total = sum(units[s] * p[s] for s in units)
        units = {s: target[s] * total / p[s] for s in target}
        n += 1
    return sum(units[s] * prices[-1][s] for s in units), n
