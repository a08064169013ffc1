import math


def add_liquidity(
    reserve_a: float,
    reserve_b: float,
    total_supply: float,
    amount_a: float,
    amount_b: float,
) -> tuple[float, float, float]:
    """Deposit into a v2-style pool; return ``(shares_minted, used_a, used_b)``.

    First deposit (``total_supply == 0``): use both amounts and mint
    ``sqrt(amount_a * amount_b)`` shares (no minimum-liquidity lock here). Otherwise keep
    the pool ratio: if ``amount_a * reserve_b / reserve_a <= amount_b`` use all of
    ``amount_a`` and that much B, else use all of ``amount_b`` and
    ``amount_b * reserve_a / reserve_b`` of A. Shares minted are
    ``min(used_a * total_supply / reserve_a, used_b * total_supply / reserve_b)``.

    >>> add_liquidity(100.0, 200.0, 50.0, 10.0, 30.0)
    (5.0, 10.0, 20.0)
    """
    if total_supply == 0:
        return math.sqrt(amount_a * amount_b), amount_a, amount_b
    b_opt = amount_a * reserve_b / reserve_a
    if b_opt <= amount_b:
        used_a, used_b = amount_a, b_opt
    else:
        used_a, used_b = amount_b * reserve_a / reserve_b, amount_b
    shares = min(used_a * total_supply / reserve_a, used_b * total_supply / reserve_b)
    return shares, used_a, used_b
