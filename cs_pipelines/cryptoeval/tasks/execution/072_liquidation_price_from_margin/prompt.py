def liquidation_price_from_margin(
    side: str, entry: float, qty: float, margin: float, maintenance_margin_rate: float
) -> float:
    """Liquidation price of an isolated linear perpetual position with explicit margin.

    ``qty > 0`` coins, ``margin`` in quote (may exceed the initial margin after margin
    was added). Liquidation when ``margin + pnl(P) == mmr * qty * P`` with
    ``pnl = qty * (P - entry)`` for ``"long"`` and ``qty * (entry - P)`` for
    ``"short"``. A long that can never be liquidated (solution ``<= 0``) returns 0.0.

    >>> round(liquidation_price_from_margin("long", 2000.0, 5.0, 1000.0, 0.01), 4)
    1818.1818
    """
