def v3_sqrt_price_x96_to_price(
    sqrt_price_x96: int, decimals0: int, decimals1: int
) -> float:
    """Convert a Uniswap v3 ``sqrtPriceX96`` to the human price of token0 in token1.

    ``sqrtPriceX96 = sqrt(raw_price) * 2**96``, so ``raw = (sqrtPriceX96 / 2**96) ** 2``
    and the human price is ``raw * 10 ** (decimals0 - decimals1)``.

    >>> v3_sqrt_price_x96_to_price(2**96, 18, 18)
    1.0
    """
    raw = (sqrt_price_x96 / 2**96) ** 2
    return raw * 10.0 ** (decimals0 - decimals1)
