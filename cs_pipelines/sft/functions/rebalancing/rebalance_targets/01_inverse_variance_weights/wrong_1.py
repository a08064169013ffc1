def inverse_variance_weights(vols: dict[str, float]) -> dict[str, float]:
    if not vols or any(v <= 0 for v in vols.values()):
        raise ValueError("need at least one asset and positive volatilities")
    scores = {sym: 1.0 / v for sym, v in vols.items()}
    norm = sum(scores.values())
    return {sym: s / norm for sym, s in scores.items()}
