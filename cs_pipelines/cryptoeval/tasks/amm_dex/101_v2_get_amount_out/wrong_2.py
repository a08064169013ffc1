def v2_get_amount_out(amount_in: int, reserve_in: int, reserve_out: int) -> int:
    if amount_in <= 0 or reserve_in <= 0 or reserve_out <= 0:
        raise ValueError("amounts must be positive")
    a = amount_in * 997
    return -(-a * reserve_out // (reserve_in * 1000 + a))
