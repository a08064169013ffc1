def target_quantities(
    equity: float,
    weights: dict[str, float],
    prices: dict[str, float],
    cash_buffer: float,
) -> dict[str, float]:
    """Coin quantities to hold for target weights, keeping a fraction in cash.

    Only ``(1 - cash_buffer) * equity`` is invested; each symbol in ``weights``
    gets ``investable * weight / prices[symbol]`` coins. Symbols that only appear
    in ``prices`` are not returned.

    Raise ``ValueError`` if ``cash_buffer`` is outside ``[0, 1)``, any weight is
    negative, or the weights add up to more than ``1 + 1e-9``.

    >>> target_quantities(10_000.0, {"BTC": 0.5}, {"BTC": 50_000.0}, 0.1)
    {'BTC': 0.09}
    """
