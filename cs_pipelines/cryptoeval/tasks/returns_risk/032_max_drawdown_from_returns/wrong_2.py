def max_drawdown_from_returns(returns: list[float]) -> float:
    equity = 1.0
    peak = None
    worst = 0.0
    for r in returns:
        equity *= 1.0 + r
        peak = equity if peak is None else max(peak, equity)
        worst = max(worst, (peak - equity) / peak)
    return worst
