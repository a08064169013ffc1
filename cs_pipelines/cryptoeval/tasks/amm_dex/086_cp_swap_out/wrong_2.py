def cp_swap_out(
    reserve_in: float, reserve_out: float, amount_in: float, fee: float = 0.003
) -> float:
    return reserve_out * amount_in / (reserve_in + amount_in) * (1.0 - fee)
