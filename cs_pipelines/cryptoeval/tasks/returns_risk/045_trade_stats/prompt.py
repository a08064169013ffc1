import math


def trade_stats(pnls: list[float]) -> tuple[float, float]:
    """``(win_rate, profit_factor)`` of closed trades.

    A win has ``pnl > 0`` (break-even trades are not wins but do count in the total).
    Profit factor is gross profit / gross loss (absolute), ``math.inf`` with no losing
    trade. With no trades return ``(nan, nan)``.

    >>> trade_stats([10.0, -5.0, 0.0, 20.0])
    (0.5, 6.0)
    """
