def positions_from_signals(entries: list[bool], exits: list[bool]) -> list[int]:
    """Long/flat position series from entry and exit signal lists.

    A state machine that starts flat (0). On bar ``i``: when flat, an entry
    signal opens a long (1) and any exit signal on that bar is ignored; when long,
    an exit signal closes it (0) and any entry signal is ignored. The output is the
    state after bar ``i`` has been processed. Raise ``ValueError`` if the two lists
    differ in length.

    >>> entries = [False, True, False, False]
    >>> exits = [False, False, False, True]
    >>> positions_from_signals(entries, exits)
    [0, 1, 1, 0]
    """
    if len(entries) != len(exits):
        raise ValueError("entries and exits must have one flag per bar")
    state = 0
    path = []
    for go_long, go_flat in zip(entries, exits):
        if go_long:
            state = 1
        elif go_flat:
            state = 0
        path.append(state)
    return path
