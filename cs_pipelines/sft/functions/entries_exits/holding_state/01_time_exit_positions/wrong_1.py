def time_exit_positions(entries: list[bool], hold_bars: int) -> list[int]:
    if hold_bars < 1:
        raise ValueError("a trade must be held for at least one bar")
    remaining = 0
    held = []
    for signal in entries:
        if signal:
            remaining = hold_bars
        held.append(1 if remaining > 0 else 0)
        remaining = max(remaining - 1, 0)
    return held
