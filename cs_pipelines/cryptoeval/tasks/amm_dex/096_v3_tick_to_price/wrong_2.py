def v3_tick_to_price(tick: int, decimals0: int, decimals1: int) -> float:
    """Human-readable price of token0 in units of token1 for a Uniswap v3 tick.

    The raw price is ``1.0001 ** tick`` (token1 base units per token0 base unit);
    adjust for decimals with ``* 10 ** (decimals0 - decimals1)``.

    >>> v3_tick_to_price(0, 6, 18)
    1e-12
    """
    return 1.0001 ** (tick / 2) * 10.0 ** (decimals0 - decimals1)
