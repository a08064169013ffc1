def donchian_breakout_signals(
    high: list[float], low: list[float], close: list[float], period: int
) -> list[int]:
    out = []
    for i in range(len(close)):
        if i < period - 1:
            out.append(0)
            continue
        hh = max(high[i - period + 1 : i + 1])
        ll = min(low[i - period + 1 : i + 1])
        out.append(1 if close[i] > hh else -1 if close[i] < ll else 0)
    return out
