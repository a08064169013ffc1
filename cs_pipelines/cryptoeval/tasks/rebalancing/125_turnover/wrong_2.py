def turnover(old_weights: dict[str, float], new_weights: dict[str, float]) -> float:
    """One-way turnover of a rebalance: ``0.5 * sum(abs(new - old))`` over the union of
    symbols (a missing symbol has weight 0).

    >>> round(turnover({"BTC": 0.5, "ETH": 0.5}, {"BTC": 0.3, "ETH": 0.3, "SOL": 0.4}), 6)
    0.4
    """
    syms = set(old_weights) | set(new_weights)
    return sum(abs(new_weights.get(s, 0.0) - old_weights.get(s, 0.0)) for s in syms)
