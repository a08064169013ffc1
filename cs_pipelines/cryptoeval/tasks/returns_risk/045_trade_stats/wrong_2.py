import math


def trade_stats(pnls: list[float]) -> tuple[float, float]:
    if not pnls:
        return math.nan, math.nan
    wins = [p for p in pnls if p > 0]
    losses = [p for p in pnls if p < 0]
    gross_loss = -sum(losses)
    pf = math.inf if gross_loss == 0 else sum(wins) / gross_loss
    return len(wins) / (len(wins) + len(losses)), pf
