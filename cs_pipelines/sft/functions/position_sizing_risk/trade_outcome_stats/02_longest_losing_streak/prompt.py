def longest_losing_streak(pnls: list[float]) -> int:
    """Length of the longest run of consecutive losing trades.

    A losing trade has ``pnl < 0``. A winning *or* flat (``pnl == 0``) trade
    ends the current run. An empty list, or one without losses, gives 0.

    >>> longest_losing_streak([1.0, -1.0, -2.0, 0.0, -1.0, -1.0, -1.0, 3.0])
    3
    """
