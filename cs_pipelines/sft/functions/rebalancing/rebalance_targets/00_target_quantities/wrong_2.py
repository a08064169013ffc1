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
    if not 0 <= cash_buffer < 1:
        raise ValueError("cash_buffer must lie in [0, 1)")
    if any(w < 0 for w in weights.values()) or sum(weights.values()) > 1 + 1e-9:
        raise ValueError("weights must be non-negative and sum to at most 1")
    investable = equity * (1.0 - cash_buffer)
    return {sym: investable * weights.get(sym, 0.0) / p for sym, p in prices.items()}
