def risk_of_ruin(win_prob: float, units: int) -> float:
    """Probability of losing ``units`` betting units before ever getting ahead for good,
    for repeated even-money bets (gambler's ruin against an unbounded opponent).

    ``((1 - p) / p) ** units`` when ``p > 0.5``; with no edge (``p <= 0.5``) ruin is
    certain: 1.0.

    >>> round(risk_of_ruin(0.6, 10), 6)
    0.017342
    """
    return ((1.0 - win_prob) / win_prob) ** units
