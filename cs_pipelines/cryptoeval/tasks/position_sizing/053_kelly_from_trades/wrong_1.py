def kelly_from_trades(pnls: list[float]) -> float:
    """Estimate the Kelly fraction from a trade history.

    ``p`` is the share of trades with ``pnl > 0``; ``b`` is the *average* winning pnl
    divided by the *average* absolute losing pnl (trades with ``pnl <= 0`` are losses).
    Return ``max(0, p - (1 - p) / b)``; 0.0 for no trades or no wins, 1.0 when there are
    wins but no losses.

    >>> round(kelly_from_trades([10, 10, -5, 20, -10]), 6)
    0.375
    """
    if not pnls:
        return 0.0
    wins = [x for x in pnls if x > 0]
    losses = [-x for x in pnls if x <= 0]
    if not wins:
        return 0.0
    if not losses:
        return 1.0
    p = len(wins) / len(pnls)
    b = sum(wins) / sum(losses)
    return max(0.0, p - (1 - p) / b)
