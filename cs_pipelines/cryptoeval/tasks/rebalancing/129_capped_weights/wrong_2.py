def capped_weights(scores: dict[str, float], cap: float) -> dict[str, float]:
    """Weights proportional to positive scores, with no weight above ``cap``.

    Assets with a score ``<= 0`` get no weight and are left out. Repeat until no weight
    exceeds the cap: fix every over-cap asset at ``cap`` and share the remaining weight
    among the uncapped assets in proportion to their scores (water-filling, so the
    weights still sum to 1). Raise ``ValueError`` if ``cap * number_of_positive < 1``.

    >>> capped_weights({"A": 6.0, "B": 3.0, "C": 1.0}, 0.5)
    {'A': 0.5, 'B': 0.375, 'C': 0.125}
    """
    pos = {k: v for k, v in scores.items() if v > 0}
    if cap * len(pos) < 1 - 1e-12:
        raise ValueError("cap too small")
    total = sum(pos.values())
    clipped = {k: min(v / total, cap) for k, v in pos.items()}
    s = sum(clipped.values())
    return {k: w / s for k, w in clipped.items()}
