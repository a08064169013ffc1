def longest_losing_streak(pnls: list[float]) -> int:
    best = 0
    run = 0
    for pnl in pnls:
        if pnl < 0:
            run += 1
        else:
            best = max(best, run)
            run = 0
    return best
