def new_cash_buys(
    values: dict[str, float], target_weights: dict[str, float], new_cash: float
) -> dict[str, float]:
    """Spend a deposit on the most underweight assets without selling anything.

    ``values`` are current holdings in quote currency. After the deposit the
    portfolio is worth ``total = sum(values) + new_cash``; an asset's shortfall is
    ``max(0, weight * total - value)`` (a missing value is 0, a missing weight is
    0). Because the weights sum to one, the shortfalls add up to at least
    ``new_cash``, so each asset receives ``shortfall * new_cash / sum(shortfalls)``.
    Return the quote amount to buy for every symbol in either dict (0.0 for those
    that get nothing; all zeros when ``new_cash`` is 0).

    Raise ``ValueError`` if ``new_cash < 0`` or the target weights do not sum to
    1 within ``1e-9``.

    >>> new_cash_buys({"BTC": 600.0, "ETH": 300.0, "SOL": 100.0},
    ...               {"BTC": 0.5, "ETH": 0.3, "SOL": 0.2}, 200.0)
    {'BTC': 0.0, 'ETH': 60.0, 'SOL': 140.0}
    """
    if new_cash < 0:
        raise ValueError("new_cash must be non-negative")
    if abs(sum(target_weights.values()) - 1.0) > 1e-9:
        raise ValueError("target weights must sum to 1")
    names = sorted(set(values) | set(target_weights))
    total = sum(values.values()) + new_cash
    return {
        s: max(0.0, target_weights.get(s, 0.0) * total - values.get(s, 0.0))
        for s in names
    }
