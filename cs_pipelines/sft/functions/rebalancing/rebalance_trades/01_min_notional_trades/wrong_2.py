def min_notional_trades(
    current_qty: dict[str, float],
    target_qty: dict[str, float],
    prices: dict[str, float],
    min_notional: float,
) -> list[tuple[str, float]]:
    trades = []
    for sym in sorted(set(current_qty) | set(target_qty)):
        change = round(target_qty.get(sym, 0.0) - current_qty.get(sym, 0.0), 10)
        if change == 0 or abs(change) * prices[sym] < min_notional:
            continue
        trades.append((sym, change))
    return trades
