def donchian_breakout_signals(
    high: list[float], low: list[float], close: list[float], period: int
) -> list[int]:
    out = []
    for i in range(len(close)):
        if i < period - 1:
            out.append(0)
            continue
        hh = max(high[max(i - period, 0) : i] or [high[0]])
        ll = min(low[max(i - period, 0) : i] or [low[0]])
        out.append(1 if close[i] > hh else -1 if close[i] < ll else 0)
    return out
