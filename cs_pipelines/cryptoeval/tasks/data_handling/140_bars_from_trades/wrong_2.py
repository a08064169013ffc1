def bars_from_trades(
    trades: list[tuple[int, float, float]], bar_ms: int
) -> list[list[float]]:
    out = []
    for ts, price, qty in trades:
        start = ts // bar_ms * bar_ms
        if out and out[-1][0] == start:
            bar = out[-1]
            bar[2] = max(bar[2], price)
            bar[3] = min(bar[3], price)
            bar[4] = price
            bar[5] += price * qty
        else:
            out.append([start, price, price, price, price, price * qty])
    return out
