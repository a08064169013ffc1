def threshold_rebalance_backtest(
    prices: list[dict[str, float]],
    target: dict[str, float],
    initial_value: float,
    threshold: float,
) -> tuple[float, int]:
    """Simulate threshold rebalancing (no fees); return ``(final_value, n_rebalances)``.

    At bar 0 buy the target weights at bar-0 prices (not counted as a rebalance). At every
    later bar value the holdings at that bar's prices; if any asset's weight differs from
    its target by more than ``threshold`` (absolute), trade back to the target weights at
    that bar's prices and count one rebalance. The final value uses the last bar's prices.

    >>> bars = [{"A": 1.0, "B": 1.0}, {"A": 2.0, "B": 1.0}, {"A": 1.0, "B": 1.0}]
    >>> threshold_rebalance_backtest(bars, {"A": 0.5, "B": 0.5}, 100.0, 0.1)
    (112.5, 2)
    """
    units = {s: w * initial_value / prices[0][s] for s, w in target.items()}
    n = 0
    for p in prices[1:]:
        total = sum(units[s] * p[s] for s in units)
        units = {s: target[s] * total / p[s] for s in target}
        n += 1
    return sum(units[s] * prices[-1][s] for s in units), n
