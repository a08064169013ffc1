def cp_price_impact(reserve_in: float, reserve_out: float, amount_in: float) -> float:
    out = reserve_out * amount_in / (reserve_in + amount_in)
    return (out / amount_in) / (reserve_out / reserve_in) - 1.0
