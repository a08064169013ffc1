def time_exit_positions(entries: list[bool], hold_bars: int) -> list[int]:
    """Position series for a strategy that exits after a fixed holding time.

    An entry signal on a bar where no trade is open opens one: the position is 1
    on that bar and the next ``hold_bars - 1`` bars, then 0 again. Entry signals
    while a trade is open are ignored (they do not extend it); a signal on the very
    bar after a trade ends opens a new one. Positions are 0 otherwise. Raise
    ``ValueError`` if ``hold_bars < 1``.

    >>> time_exit_positions([True, False, False, True], 2)
    [1, 1, 0, 1]
    """
