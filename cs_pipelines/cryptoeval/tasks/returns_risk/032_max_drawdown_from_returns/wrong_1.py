def max_drawdown_from_returns(returns: list[float]) -> float:
    equity = 1.0
    peak = 1.0
    worst = 0.0
    for r in returns:
        equity += r
        peak = max(peak, equity)
        worst = max(worst, (peak - equity) / peak)
    return worst
