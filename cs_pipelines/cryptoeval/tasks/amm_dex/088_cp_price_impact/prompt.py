def cp_price_impact(reserve_in: float, reserve_out: float, amount_in: float) -> float:
    """Price impact (fee excluded) of selling ``amount_in`` into a constant-product pool.

    Spot price is ``reserve_out / reserve_in``; the execution price is
    ``amount_out / amount_in`` with ``amount_out = reserve_out * amount_in /
    (reserve_in + amount_in)``. Return ``1 - execution / spot`` (a positive fraction).

    >>> round(cp_price_impact(1000.0, 2000.0, 10.0), 6)
    0.009901
    """
