def remove_liquidity(
    reserve_a: float, reserve_b: float, total_supply: float, shares: float
) -> tuple[float, float]:
    if shares > total_supply:
        raise ValueError("cannot burn more shares than exist")
    frac = shares / (total_supply - shares) if shares < total_supply else 1.0
    return reserve_a * frac, reserve_b * frac
