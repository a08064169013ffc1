import math


def payoff_ratio(pnls: list[float]) -> float:
    winners = [p for p in pnls if p > 0]
    losers = [-p for p in pnls if p < 0]
    if not winners:
        return 0.0
    if not losers:
        return math.inf
    return sum(winners) / sum(losers)
