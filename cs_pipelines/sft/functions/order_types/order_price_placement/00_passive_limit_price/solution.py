def passive_limit_price(
    best_bid: float, best_ask: float, side: str, offset_bps: float
) -> float:
    """Price for a passive limit order placed ``offset_bps`` away from the mid.

    The reference is ``mid = (best_bid + best_ask) / 2``. A ``"buy"`` goes below it,
    ``mid * (1 - offset_bps / 1e4)``, a ``"sell"`` above it,
    ``mid * (1 + offset_bps / 1e4)``. The order must stay on its own side of the
    book, so a buy is capped at ``best_bid`` and a sell is floored at ``best_ask``
    (a small offset therefore just joins the touch).

    Raise ``ValueError`` for a negative offset or a side other than buy/sell.

    >>> passive_limit_price(99.0, 101.0, "buy", 200)
    98.0
    """
    if offset_bps < 0:
        raise ValueError("offset_bps must be >= 0")
    centre = 0.5 * (best_bid + best_ask)
    shift = centre * offset_bps / 10_000.0
    if side == "buy":
        return min(best_bid, centre - shift)
    if side == "sell":
        return max(best_ask, centre + shift)
    raise ValueError(f"side must be 'buy' or 'sell', not {side!r}")
