def positions_from_signals(entries: list[bool], exits: list[bool]) -> list[int]:
    if len(entries) != len(exits):
        raise ValueError("entries and exits must have one flag per bar")
    state = 0
    path = []
    for go_long, go_flat in zip(entries, exits):
        if go_flat:
            state = 0
        elif go_long:
            state = 1
        path.append(state)
    return path
