def basis_trade_qty(
    capital: float, spot_price: float, perp_price: float, leverage: float
) -> float:
    """Coin quantity of a delta-neutral cash-and-carry trade (long spot, short perp).

    The spot leg is fully paid (``q * spot_price``) and the short perpetual leg of the
    same ``q`` needs initial margin ``q * perp_price / leverage``; both come out of
    ``capital``. Return the ``q`` that uses exactly all of it.

    >>> round(basis_trade_qty(10_000.0, 20_000.0, 20_100.0, 5.0), 6)
    0.41632
    """
    return capital / (spot_price + perp_price * leverage)
