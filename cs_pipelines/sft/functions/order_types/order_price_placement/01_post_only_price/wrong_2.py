def post_only_price(
    side: str, price: float, best_bid: float, best_ask: float, tick: float
) -> float:
    """Reprice a post-only order so that it rests in the book instead of taking.

    A buy priced at or above ``best_ask`` would execute on arrival; it is moved to
    ``best_ask - tick``. A sell priced at or below ``best_bid`` is moved to
    ``best_bid + tick``. Any other price is returned unchanged. The result is
    passed through ``round(x, 10)`` to clear float noise.

    Raise ``ValueError`` if ``tick <= 0`` or the side is not buy/sell.

    >>> post_only_price("buy", 101.0, 100.0, 100.5, 0.1)
    100.4
    """
    if tick <= 0:
        raise ValueError("tick must be positive")
    if side == "buy":
        out = best_bid if price >= best_ask else price
    elif side == "sell":
        out = best_ask if price <= best_bid else price
    else:
        raise ValueError(f"bad side {side!r}")
    return round(out, 10)
