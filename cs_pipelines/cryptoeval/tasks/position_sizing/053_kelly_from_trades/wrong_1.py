def kelly_from_trades(pnls: list[float]) -> float:
    if not pnls:
        return 0.0
    wins = [x for x in pnls if x > 0]
    losses = [-x for x in pnls if x <= 0]
    if not wins:
        return 0.0
    if not losses:
        return 1.0
    p = len(wins) / len(pnls)
    b = sum(wins) / sum(losses)
    return max(0.0, p - (1 - p) / b)
