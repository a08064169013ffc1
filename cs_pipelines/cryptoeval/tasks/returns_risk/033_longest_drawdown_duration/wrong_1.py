def longest_drawdown_duration(equity: list[float]) -> int:
    peak = None
    run = best = 0
    for v in equity:
        if peak is not None and v <= peak:
            run += 1
            best = max(best, run)
        else:
            run = 0
            peak = v if peak is None else max(peak, v)
    return best
