def cp_swap_out(
    reserve_in: float, reserve_out: float, amount_in: float, fee: float = 0.003
) -> float:
    a = amount_in * (1.0 - fee)
    return reserve_out * a / (reserve_in + amount_in)
