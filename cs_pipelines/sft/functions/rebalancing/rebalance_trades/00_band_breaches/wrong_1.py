def band_breaches(
    values: dict[str, float],
    target_weights: dict[str, float],
    abs_band: float,
    rel_band: float,
) -> dict[str, bool]:
    """Flag assets whose weight left its tolerance band (a "5/25"-style rule).

    Current weights are ``value / sum(values)``. An asset with target ``t`` and
    current weight ``w`` breaches when ``abs(w - t) > min(abs_band, rel_band * t)``,
    so small positions are held to the tighter relative band. Symbols missing from
    either dict count as 0 there (a holding with target 0 breaches as soon as it is
    positive). Return a flag for every symbol in either dict.

    Raise ``ValueError`` if the total value is not positive.

    >>> band_breaches({"BTC": 510.0, "ETH": 360.0, "SOL": 130.0},
    ...               {"BTC": 0.5, "ETH": 0.4, "SOL": 0.1}, 0.05, 0.25)
    {'BTC': False, 'ETH': False, 'SOL': True}
    """
    worth = sum(values.values())
    if worth <= 0:
        raise ValueError("portfolio value must be positive")
    flags = {}
    for sym in sorted(set(values) | set(target_weights)):
        goal = target_weights.get(sym, 0.0)
        now = values.get(sym, 0.0) / worth
        flags[sym] = abs(now - goal) > abs_band
    return flags
