def v3_sqrt_price_x96_to_price(
    sqrt_price_x96: int, decimals0: int, decimals1: int
) -> float:
    raw = (sqrt_price_x96 / 2**96) ** 2
    return raw * 10.0 ** (decimals1 - decimals0)
