def v2_get_amount_out(amount_in: int, reserve_in: int, reserve_out: int) -> int:
    if amount_in <= 0 or reserve_in <= 0 or reserve_out <= 0:
        raise ValueError("amounts must be positive")
    return int(amount_in * 0.997 * reserve_out / (reserve_in + amount_in * 0.997))
