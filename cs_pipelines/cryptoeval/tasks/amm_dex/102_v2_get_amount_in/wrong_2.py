def v2_get_amount_in(amount_out: int, reserve_in: int, reserve_out: int) -> int:
    if not 0 < amount_out < reserve_out or reserve_in <= 0:
        raise ValueError("invalid amounts")
    return reserve_in * amount_out * 1000 // (reserve_out * 997) + 1
