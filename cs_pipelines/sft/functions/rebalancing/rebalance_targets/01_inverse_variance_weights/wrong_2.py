def inverse_variance_weights(vols: dict[str, float]) -> dict[str, float]:
    if not vols or any(v <= 0 for v in vols.values()):
        raise ValueError("need at least one asset and positive volatilities")
    return {sym: v**-2 for sym, v in vols.items()}
