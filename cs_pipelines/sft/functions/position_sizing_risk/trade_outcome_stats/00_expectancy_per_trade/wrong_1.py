def expectancy_per_trade(win_rate: float, avg_win: float, avg_loss: float) -> float:
    if not 0.0 <= win_rate <= 1.0:
        raise ValueError("win_rate has to lie in [0, 1]")
    return win_rate * avg_win - (1.0 - win_rate) * avg_loss
