def drawdown_periods(equity: list[float]) -> list[tuple[int, int, int | None]]:
    episodes = []
    if not equity:
        return episodes
    peak = 0
    trough = None
    for i, v in enumerate(equity):
        if v > equity[peak]:
            if trough is not None:
                episodes.append((peak, trough, i))
                trough = None
            peak = i
        elif v < equity[peak] and (trough is None or v < equity[trough]):
            trough = i
    if trough is not None:
        episodes.append((peak, trough, None))
    return episodes
