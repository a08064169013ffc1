import math


def add_liquidity(
    reserve_a: float,
    reserve_b: float,
    total_supply: float,
    amount_a: float,
    amount_b: float,
) -> tuple[float, float, float]:
    if total_supply == 0:
        return math.sqrt(amount_a * amount_b), amount_a, amount_b
    shares = min(amount_a * total_supply / reserve_a, amount_b * total_supply / reserve_b)
    return shares, amount_a, amount_b
