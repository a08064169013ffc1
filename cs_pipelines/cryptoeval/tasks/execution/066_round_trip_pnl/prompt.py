def round_trip_pnl(
    side: str, entry: float, exit: float, qty: float, fee_rate: float
) -> float:
    """Net profit of opening and closing a position of ``qty`` coins.

    Gross pnl is ``(exit - entry) * qty`` for ``"long"`` and ``(entry - exit) * qty``
    for ``"short"``. The fee is charged twice: ``fee_rate`` times the entry notional
    plus ``fee_rate`` times the exit notional.

    >>> round(round_trip_pnl("long", 100.0, 110.0, 2.0, 0.001), 6)
    19.58
    """
