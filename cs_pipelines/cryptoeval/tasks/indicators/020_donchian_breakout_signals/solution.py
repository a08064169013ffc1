def donchian_breakout_signals(
    high: list[float], low: list[float], close: list[float], period: int
) -> list[int]:
    """Donchian channel breakout signals without look-ahead.

    For ``i >= period`` the channel is built from the *previous* ``period`` bars
    (``i - period .. i - 1``, the current bar excluded): signal ``+1`` if
    ``close[i] > max(high)`` of those bars, ``-1`` if ``close[i] < min(low)``, else 0.
    The first ``period`` entries are 0.

    >>> donchian_breakout_signals([10, 11, 12], [9, 9, 10], [9.5, 10.5, 11.5], 2)
    [0, 0, 1]
    """
    out = []
    for i in range(len(close)):
        if i < period:
            out.append(0)
            continue
        hh = max(high[i - period : i])
        ll = min(low[i - period : i])
        out.append(1 if close[i] > hh else -1 if close[i] < ll else 0)
    return out
