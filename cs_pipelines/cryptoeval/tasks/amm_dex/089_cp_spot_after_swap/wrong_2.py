def cp_spot_after_swap(
    reserve_in: float, reserve_out: float, amount_in: float, fee: float = 0.003
) -> float:
    a = amount_in * (1.0 - fee)
    out = reserve_out * a / (reserve_in + a)
    return (reserve_in + amount_in) / (reserve_out - out)
