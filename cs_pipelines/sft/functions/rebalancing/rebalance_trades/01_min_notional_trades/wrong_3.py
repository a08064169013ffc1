def min_notional_trades(
    current_qty: dict[str, float],
    target_qty: dict[str, float],
    prices: dict[str, float],
    min_notional: float,
) -> list[tuple[str, float]]:
    """Signed trades (buy > 0) taking holdings to targets, dropping dust orders.

    For every symbol in either dict (missing = 0) the change is ``target -
    current``, rounded with ``round(x, 10)``. A change whose notional
    ``abs(change) * price`` is below ``min_notional`` is skipped (an order worth
    exactly the minimum is kept), as is a zero change. Sells come first, so they
    free up cash, then buys; each group is sorted by symbol.

    >>> min_notional_trades({"ETH": 2.0}, {"ETH": 1.0, "ADA": 100.0},
    ...                     {"ETH": 3_000.0, "ADA": 0.5}, 10.0)
    [('ETH', -1.0), ('ADA', 100.0)]
    """
    sells, buys = [], []
    for sym in sorted(set(current_qty) | set(target_qty)):
        change = round(target_qty.get(sym, 0.0) - current_qty.get(sym, 0.0), 10)
        if change == 0 or abs(change) < min_notional:
            continue
        (sells if change < 0 else buys).append((sym, change))
    return sells + buys
