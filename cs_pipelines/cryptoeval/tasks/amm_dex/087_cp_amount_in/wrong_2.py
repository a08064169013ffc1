def cp_amount_in(
    reserve_in: float, reserve_out: float, amount_out: float, fee: float = 0.003
) -> float:
    if amount_out >= reserve_out:
        raise ValueError("insufficient liquidity")
    return reserve_in * amount_out / (reserve_out * (1.0 - fee))
