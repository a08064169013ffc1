def max_drawdown(equity: list[float]) -> float:
    peak = None
    worst = 0.0
    for v in equity:
        peak = v if peak is None else max(peak, v)
        worst = max(worst, (peak - v) / v)
    return worst
