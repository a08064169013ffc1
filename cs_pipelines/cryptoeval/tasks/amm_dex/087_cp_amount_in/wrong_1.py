def cp_amount_in(
    reserve_in: float, reserve_out: float, amount_out: float, fee: float = 0.003
) -> float:
    """Input needed to receive exactly ``amount_out`` from a constant-product pool whose
    fee is taken from the input (the inverse of the v2 ``getAmountOut``).

    ``amount_in = reserve_in * amount_out / ((reserve_out - amount_out) * (1 - fee))``.
    Raise ``ValueError`` if ``amount_out >= reserve_out``.

    >>> round(cp_amount_in(1000.0, 1000.0, 10.0), 6)
    10.131404
    """
    if amount_out >= reserve_out:
        raise ValueError("insufficient liquidity")
    return reserve_in * amount_out / (reserve_out - amount_out) * (1.0 - fee)
