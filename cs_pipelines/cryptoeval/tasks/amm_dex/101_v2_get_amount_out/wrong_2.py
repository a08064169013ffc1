def v2_get_amount_out(amount_in: int, reserve_in: int, reserve_out: int) -> int:
    """Uniswap v2 ``getAmountOut`` in exact integer (wei) arithmetic with the 0.3% fee.

    ``amount_in_with_fee = amount_in * 997``; result
    ``amount_in_with_fee * reserve_out // (reserve_in * 1000 + amount_in_with_fee)``
    (floor division, as the contract does; never use floats for token amounts).
    Raise ``ValueError`` if ``amount_in`` or either reserve is not positive.

    >>> v2_get_amount_out(1000, 100_000, 100_000)
    987
    """
    if amount_in <= 0 or reserve_in <= 0 or reserve_out <= 0:
        raise ValueError("amounts must be positive")
    a = amount_in * 997
    return -(-a * reserve_out // (reserve_in * 1000 + a))
