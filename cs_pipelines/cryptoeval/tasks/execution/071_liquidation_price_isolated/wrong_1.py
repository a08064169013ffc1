def liquidation_price_isolated(
    side: str, entry: float, leverage: float, maintenance_margin_rate: float
) -> float:
    """Liquidation price of an isolated-margin linear (USDT-margined) perpetual position
    opened with margin ``entry * qty / leverage`` (fees and funding ignored).

    Liquidation happens when position equity (margin plus unrealised pnl) equals the
    maintenance margin ``maintenance_margin_rate * qty * P`` at the liquidation price
    ``P``. Solving for ``P`` (``qty`` cancels out):
    long ``P = entry * (1 - 1/leverage) / (1 - mmr)``,
    short ``P = entry * (1 + 1/leverage) / (1 + mmr)``.
    Raise ``ValueError`` for any other side.

    >>> round(liquidation_price_isolated("long", 20_000.0, 10.0, 0.005), 4)
    18090.4523
    """
    mmr = maintenance_margin_rate
    if side == "long":
        return entry * (1 - 1 / leverage + mmr)
    if side == "short":
        return entry * (1 + 1 / leverage - mmr)
    raise ValueError(f"unknown side {side!r}")
