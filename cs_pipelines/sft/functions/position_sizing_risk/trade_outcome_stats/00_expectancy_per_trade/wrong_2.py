def expectancy_per_trade(win_rate: float, avg_win: float, avg_loss: float) -> float:
    loss_rate = 1.0 - win_rate
    return win_rate * avg_win - loss_rate * abs(avg_loss)
