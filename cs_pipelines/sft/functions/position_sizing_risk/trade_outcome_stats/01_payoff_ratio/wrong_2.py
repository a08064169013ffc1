import math


def payoff_ratio(pnls: list[float]) -> float:
    """Average winning trade divided by the average losing trade (in size).

    Winners are trades with ``pnl > 0`` and losers those with ``pnl < 0``;
    flat trades (``pnl == 0``) belong to neither group. Both averages are taken
    over their own group, so the ratio is *not* gross profit / gross loss.
    Return ``math.inf`` when there are winners but no losers and ``0.0`` when
    there is no winner at all (including an empty list).

    >>> payoff_ratio([40.0, 20.0, -10.0, -20.0, -30.0])
    1.5
    """
    winners = [p for p in pnls if p > 0]
    losers = [-p for p in pnls if p <= 0]
    if not winners:
        return 0.0
    if not losers:
        return math.inf
    mean_win = sum(winners) / len(winners)
    mean_loss = sum(losers) / len(losers)
    return mean_win / mean_loss
