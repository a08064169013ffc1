def weights_after_drift(
    weights: dict[str, float], returns: dict[str, float]
) -> dict[str, float]:
    return {s: w * (1.0 + returns.get(s, 0.0)) for s, w in weights.items()}
