def threshold_rebalance_backtest(
    prices: list[dict[str, float]],
    target: dict[str, float],
    initial_value: float,
    threshold: float,
) -> tuple[float, int]:
    units = {s: w * initial_value / prices[0][s] for s, w in target.items()}
    n = 0
    prev = prices[0]
    for p in prices[1:]:
        values = {s: units[s] * p[s] for s in units}
        total = sum(values.values())
        if any(abs(values[s] / total - target[s]) > threshold for s in target):
            units = {s: target[s] * total / prev[s] for s in target}
            n += 1
        prev = p
    return sum(units[s] * prices[-1][s] for s in units), n
