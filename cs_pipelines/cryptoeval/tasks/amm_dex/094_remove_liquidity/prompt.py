def remove_liquidity(
    reserve_a: float, reserve_b: float, total_supply: float, shares: float
) -> tuple[float, float]:
    """Tokens returned for burning ``shares`` LP shares: the pro-rata slice
    ``reserve * shares / total_supply`` of each reserve. Raise ``ValueError`` if
    ``shares`` exceeds ``total_supply``.

    >>> remove_liquidity(100.0, 200.0, 50.0, 5.0)
    (10.0, 20.0)
    """
