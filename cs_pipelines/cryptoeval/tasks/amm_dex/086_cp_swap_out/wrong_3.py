def cp_swap_out(
    reserve_in: float, reserve_out: float, amount_in: float, fee: float = 0.003
) -> float:
    """Output amount of a constant-product (Uniswap v2) swap.

    The fee is taken from the *input*: ``a = amount_in * (1 - fee)``, and
    ``amount_out = reserve_out * a / (reserve_in + a)``.

    >>> round(cp_swap_out(1000.0, 1000.0, 10.0), 6)
    9.87158
    """
    return reserve_out * amount_in / (reserve_in + amount_in)
