def positions_from_signals(entries: list[bool], exits: list[bool]) -> list[int]:
    if len(entries) != len(exits):
        raise ValueError("entries and exits must have one flag per bar")
    state = 0
    path = []
    for go_long, go_flat in zip(entries, exits):
        path.append(state)
        if state == 0 and go_long:
            state = 1
        elif state == 1 and go_flat:
            state = 0
    return path
