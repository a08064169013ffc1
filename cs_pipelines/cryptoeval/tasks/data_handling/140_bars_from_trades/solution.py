def bars_from_trades(
    trades: list[tuple[int, float, float]], bar_ms: int
) -> list[list[float]]:
    """Build OHLCV bars from time-sorted trades ``(ts_ms, price, qty)``.

    A trade belongs to the bar starting at ``ts // bar_ms * bar_ms``. Open/close are the
    first/last trade prices, high/low the extremes, volume the summed base quantity.
    Bars without trades are omitted.

    >>> bars_from_trades([(1_000, 100.0, 1.0), (30_000, 105.0, 2.0)], 60_000)
    [[0, 100.0, 105.0, 100.0, 105.0, 3.0]]
    """
    out = []
    for ts, price, qty in trades:
        start = ts // bar_ms * bar_ms
        if out and out[-1][0] == start:
            bar = out[-1]
            bar[2] = max(bar[2], price)
            bar[3] = min(bar[3], price)
            bar[4] = price
            bar[5] += qty
        else:
            out.append([start, price, price, price, price, qty])
    return out
