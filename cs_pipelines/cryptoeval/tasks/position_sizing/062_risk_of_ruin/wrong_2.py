def risk_of_ruin(win_prob: float, units: int) -> float:
    return ((1.0 - win_prob) / win_prob) ** units
