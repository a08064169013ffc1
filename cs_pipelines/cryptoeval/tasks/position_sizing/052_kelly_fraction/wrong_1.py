def kelly_fraction(win_prob: float, win_loss_ratio: float) -> float:
    """Kelly fraction for a binary bet: ``p - (1 - p) / b`` floored at 0 (never short a
    bet with negative edge).

    ``win_prob`` is ``p`` and ``win_loss_ratio`` is ``b`` = average win / average loss.

    >>> round(kelly_fraction(0.6, 1.0), 6)
    0.2
    """
    return max(0.0, win_prob - (1.0 - win_prob) * win_loss_ratio)
