def max_drawdown_from_returns(returns: list[float]) -> float:
    """Maximum drawdown (positive fraction) of an equity curve built from returns.

    Equity starts at 1.0 *before* the first return and compounds:
    ``e[t] = e[t-1] * (1 + returns[t])``. The initial 1.0 counts as a peak.

    >>> round(max_drawdown_from_returns([-0.1, 0.05, -0.2]), 6)
    0.244
    """
    equity = 1.0
    peak = None
    worst = 0.0
    for r in returns:
        equity *= 1.0 + r
        peak = equity if peak is None else max(peak, equity)
        worst = max(worst, (peak - equity) / peak)
    return worst
