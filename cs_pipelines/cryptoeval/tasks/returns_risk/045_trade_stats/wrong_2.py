import math


def trade_stats(pnls: list[float]) -> tuple[float, float]:
    """``(win_rate, profit_factor)`` of closed trades.

    A win has ``pnl > 0`` (break-even trades are not wins but do count in the total).
    Profit factor is gross profit / gross loss (absolute), ``math.inf`` with no losing
    trade. With no trades return ``(nan, nan)``.

    >>> trade_stats([10.0, -5.0, 0.0, 20.0])
    (0.5, 6.0)
    """
    if not pnls:
        return math.nan, math.nan
    wins = [p for p in pnls if p > 0]
    losses = [p for p in pnls if p < 0]
    gross_loss = -sum(losses)
    pf = math.inf if gross_loss == 0 else sum(wins) / gross_loss
    return len(wins) / (len(wins) + len(losses)), pf
