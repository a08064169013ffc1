def drifted_assets(
    current: dict[str, float], target: dict[str, float], threshold: float
) -> list[str]:
    """Symbols whose *absolute* weight drift ``abs(current - target)`` exceeds
    ``threshold`` (strictly), sorted alphabetically. A symbol missing from one dict has
    weight 0 there.

    >>> target = {"BTC": 0.5, "ETH": 0.4, "SOL": 0.1}
    >>> drifted_assets({"BTC": 0.52, "ETH": 0.48}, target, 0.05)
    ['ETH', 'SOL']
    """
    return sorted(s for s in target if abs(current.get(s, 0.0) - target[s]) > threshold)
