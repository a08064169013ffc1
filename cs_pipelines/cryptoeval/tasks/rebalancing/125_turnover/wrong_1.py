def turnover(old_weights: dict[str, float], new_weights: dict[str, float]) -> float:
    """One-way turnover of a rebalance: ``0.5 * sum(abs(new - old))`` over the union of
    symbols (a missing symbol has weight 0).

    >>> round(turnover({"BTC": 0.5, "ETH": 0.5}, {"BTC": 0.3, "ETH": 0.3, "SOL": 0.4}), 6)
    0.4
    """
    return sum(abs(new_weights.get(s, 0.0) - w) for s, w in old_weights.items()) / 2
