def weights_after_drift(
    weights: dict[str, float], returns: dict[str, float]
) -> dict[str, float]:
    grown = {s: w + returns.get(s, 0.0) for s, w in weights.items()}
    total = sum(grown.values())
    return {s: v / total for s, v in grown.items()}
