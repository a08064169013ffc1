def apply_slippage(price: float, side: str, slippage_bps: float) -> float:
    """Expected fill price after slippage of ``slippage_bps`` basis points.

    Slippage always hurts: a ``"buy"`` fills at ``price * (1 + bps / 10_000)`` and a
    ``"sell"`` at ``price * (1 - bps / 10_000)``.

    >>> round(apply_slippage(20_000.0, "buy", 5), 6)
    20010.0
    """
    frac = slippage_bps / 10_000.0
    if side == "buy":
        return price * (1 + frac)
    if side == "sell":
        return price * (1 - frac)
    raise ValueError(f"unknown side {side!r}")
