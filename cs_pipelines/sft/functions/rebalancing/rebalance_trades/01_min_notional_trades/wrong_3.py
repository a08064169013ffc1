def min_notional_trades(
    current_qty: dict[str, float],
    target_qty: dict[str, float],
    prices: dict[str, float],
    min_notional: float,
) -> list[tuple[str, float]]:
    sells, buys = [], []
    for sym in sorted(set(current_qty) | set(target_qty)):
        change = round(target_qty.get(sym, 0.0) - current_qty.get(sym, 0.0), 10)
        if change == 0 or abs(change) < min_notional:
            continue
        (sells if change < 0 else buys).append((sym, change))
    return sells + buys
