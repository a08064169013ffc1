import math


def payoff_ratio(pnls: list[float]) -> float:
    winners = [p for p in pnls if p > 0]
    losers = [-p for p in pnls if p <= 0]
    if not winners:
        return 0.0
    if not losers:
        return math.inf
    mean_win = sum(winners) / len(winners)
    mean_loss = sum(losers) / len(losers)
    return mean_win / mean_loss
