def v2_get_amount_in(amount_out: int, reserve_in: int, reserve_out: int) -> int:
    """Uniswap v2 ``getAmountIn`` in exact integers (0.3% fee): the input that buys at
    least ``amount_out``.

    ``reserve_in * amount_out * 1000 // ((reserve_out - amount_out) * 997) + 1`` (the
    ``+ 1`` rounds up so the trade never comes out short). Raise ``ValueError`` unless
    ``0 < amount_out < reserve_out`` and ``reserve_in > 0``.

    >>> v2_get_amount_in(987, 100_000, 100_000)
    1000
    """
    if not 0 < amount_out < reserve_out or reserve_in <= 0:
        raise ValueError("invalid amounts")
    return reserve_in * amount_out * 1000 // ((reserve_out - amount_out) * 997)
