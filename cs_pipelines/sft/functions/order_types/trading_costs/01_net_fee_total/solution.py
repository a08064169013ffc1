def net_fee_total(
    fills: list[tuple[float, float, bool]], maker_rate: float, taker_rate: float
) -> float:
    """Total fee paid over a list of fills, net of maker rebates, in quote currency.

    Each fill is ``(price, qty, is_maker)`` and is charged ``price * qty`` times
    ``maker_rate`` if it provided liquidity or ``taker_rate`` if it took it. A
    negative ``maker_rate`` is a rebate and reduces the total, which can end up
    negative (a net credit). No fills cost nothing.

    >>> fills = [(100.0, 2.0, True), (101.0, 1.0, False)]
    >>> round(net_fee_total(fills, -0.0001, 0.0005), 6)
    0.0305
    """
    total = 0.0
    for px, size, provided in fills:
        total += px * size * (maker_rate if provided else taker_rate)
    return total
