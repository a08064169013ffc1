def expectancy_per_trade(win_rate: float, avg_win: float, avg_loss: float) -> float:
    """Expected profit of one trade from a win rate and average win/loss sizes.

    ``expectancy = win_rate * avg_win - (1 - win_rate) * |avg_loss|``. The average
    loss may be passed as a positive magnitude or as a negative pnl; only its size
    matters. The result is in the same currency units as the inputs.
    Raise ``ValueError`` unless ``0 <= win_rate <= 1``.

    >>> expectancy_per_trade(0.4, 300.0, 100.0)
    60.0
    """
