def cp_price_impact(reserve_in: float, reserve_out: float, amount_in: float) -> float:
    return amount_in / reserve_in
