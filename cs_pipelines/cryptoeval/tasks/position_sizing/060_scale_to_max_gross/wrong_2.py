def scale_to_max_gross(weights: dict[str, float], max_gross: float) -> dict[str, float]:
    gross = sum(abs(w) for w in weights.values())
    f = max_gross / gross
    return {k: w * f for k, w in weights.items()}
