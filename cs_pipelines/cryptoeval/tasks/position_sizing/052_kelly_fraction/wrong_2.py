def kelly_fraction(win_prob: float, win_loss_ratio: float) -> float:
    return win_prob - (1.0 - win_prob) / win_loss_ratio
