def cp_spot_after_swap(
    reserve_in: float, reserve_out: float, amount_in: float, fee: float = 0.003
) -> float:
    """Pool spot price (``reserve_out / reserve_in``) after a v2 swap.

    The output is computed with the fee taken from the input
    (``a = amount_in * (1 - fee)``, ``out = reserve_out * a / (reserve_in + a)``), but the
    *whole* ``amount_in`` (fee included) stays in the pool, so the new reserves are
    ``reserve_in + amount_in`` and ``reserve_out - out``.

    >>> round(cp_spot_after_swap(1000.0, 1000.0, 100.0, 0.0), 6)
    0.826446
    """
